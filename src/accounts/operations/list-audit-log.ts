// The audit log as the actor may read it: platform administrators all of it, agency administrators the
// entries concerning their agency and its subordinates.
import { z } from 'zod'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { findAgency } from '../agency.queries.ts'
import { listAuditRows } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTarget, authorize, listScope } from '../policy.ts'
import type { Actor, AuditEntry } from '../user.ts'
import type { Page } from './list-users.ts'

// A date without time is a day in China Standard Time (UTC+8, no daylight saving), the users' calendar.
const dateOrInstant = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isNaN(Date.parse(v)), '日期格式应为YYYY-MM-DD')

function startOfDay(v: string, plusDays = 0): string {
  return new Date(Date.parse(`${v}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString()
}

export const ListAuditLogSchema = z.object({
  /** Entries concerning this agency and its subordinates. */
  agencyId: z.coerce.number().int().positive().optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().max(64).optional(),
  /** Inclusive; a date means the start of that day. */
  from: dateOrInstant.optional(),
  /** Inclusive for a date (the whole day); exclusive for an instant. */
  to: dateOrInstant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListAuditLogInput = z.input<typeof ListAuditLogSchema>

export async function listAuditLog(
  db: DB,
  actor: Actor,
  filter: ListAuditLogInput = {},
): Promise<Page<AuditEntry>> {
  const data = parseInput(ListAuditLogSchema, filter)
  const scope = listScope(actor, 'audit.view')
  if (!scope.all && scope.subtreePaths.length === 0 && scope.agencyIds.length === 0) {
    throw new DomainError('forbidden', '您没有查看操作日志的权限')
  }
  let agencyPath: string | undefined
  if (data.agencyId !== undefined) {
    const agency = await findAgency(db, data.agencyId)
    if (!agency) throw new DomainError('not_found', '机构不存在')
    authorize(actor, 'audit.view', agencyTarget(agency))
    agencyPath = agency.path
  }
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v)
  const { items, total } = await listAuditRows(db, scope, {
    agencyPath,
    actorId: data.actorId,
    action: data.action || undefined,
    fromIso:
      data.from === undefined
        ? undefined
        : isDate(data.from)
          ? startOfDay(data.from)
          : new Date(data.from).toISOString(),
    toIso:
      data.to === undefined
        ? undefined
        : isDate(data.to)
          ? startOfDay(data.to, 1)
          : new Date(data.to).toISOString(),
    limit: data.pageSize,
    offset: (data.page - 1) * data.pageSize,
  })
  return { items, total, page: data.page, pageSize: data.pageSize }
}
