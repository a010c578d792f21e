// The work queue as CSV (UTF-8 with BOM, so spreadsheet software reads the Chinese). ID numbers and contact
// details are columns only for roles that may see applicants in full, and filled only for the cases the
// exporter may open in full (the case's officer, administrators above it); elsewhere they stay masked.
// Every export is audited (how many rows, whether personal data left the system).
import type { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { ID_TYPE_LABELS, maskApplicant } from '../applicant.ts'
import type { Applicant } from '../applicant.ts'
import { APPLICATION_RULES, applicationScope, caseTarget, mayRevealApplicant } from '../application.policy.ts'
import { findApplicants } from '../application.queries.ts'
import { CASE_STATUS_LABELS } from '../case-status.ts'
import type { CaseStatus } from '../case-status.ts'
import { RECEIPT_CHANNEL_LABELS } from '../clock-events.ts'
import type { ReceiptChannel } from '../clock-events.ts'
import { outcomeRow } from '../outcomes.ts'
import type { CaseOutcome } from '../outcomes.ts'
import { parseInput } from '../parse-input.ts'
import { listWorkQueueRows } from '../work-queue.queries.ts'
import { listWorkQueue, ListWorkQueueSchema } from './list-work-queue.ts'
import type { OperationOptions } from './operation-options.ts'

/** At most this many rows per export (a bounded query; narrow the view for more). */
export const EXPORT_MAX_ROWS = 10_000

export const ExportWorkQueueSchema = ListWorkQueueSchema.omit({ limit: true, offset: true })
export type ExportWorkQueueInput = z.input<typeof ExportWorkQueueSchema>

/** Cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function outcomeLabel(outcome: string | null): string {
  if (outcome === null) return ''
  try {
    const row = outcomeRow(outcome as CaseOutcome, 'gov2021')
    return row.groupLabel === undefined ? row.label : `${row.groupLabel}${row.label}`
  } catch {
    return outcome
  }
}

/** May any of the actor's roles see applicants in full somewhere? Decides whether the columns exist. */
function roleMaySeePersonalData(actor: Actor): boolean {
  return actor.roles.some((r) => APPLICATION_RULES['application.reveal_applicant'][r].length > 0)
}

export async function exportWorkQueue(
  db: DB,
  actor: Actor,
  input: ExportWorkQueueInput = {},
  options: OperationOptions = {},
): Promise<{ csv: string; rows: number; personalData: boolean }> {
  const data = parseInput(ExportWorkQueueSchema, input)
  // The same view and date window as the page (listWorkQueue decides "today" and "within 3 working days").
  const { today, soonUntil } = await listWorkQueue(db, actor, { ...data, limit: 1 }, options)
  const rows = await listWorkQueueRows(db, applicationScope(actor, 'application.view'), {
    view: data.view,
    today,
    soonUntil,
    officerId: data.officer === 'mine' ? actor.userId : data.officer,
    agencyId: data.agencyId,
    search: data.search,
    limit: EXPORT_MAX_ROWS,
    offset: 0,
  })
  const personalData = roleMaySeePersonalData(actor)
  const applicants = personalData
    ? await findApplicants(
        db,
        rows.map((r) => r.id),
      )
    : new Map<number, Applicant>()
  const header = [
    '受理编号',
    '受理机关',
    '申请人',
    '申请方式',
    '所需信息',
    '状态',
    '收到申请日期',
    '答复期限',
    '是否逾期',
    '办结日期',
    '办理结果（表三）',
    ...(personalData ? ['证件类型', '证件号码', '联系电话', '电子邮箱', '通信地址'] : []),
  ]
  let revealed = 0
  const lines = rows.map((r) => {
    const open = !['answered', 'abandoned', 'closed'].includes(r.status)
    const base = [
      r.tracking_code,
      r.agency_name,
      r.applicant_name,
      RECEIPT_CHANNEL_LABELS[r.channel as ReceiptChannel] ?? r.channel,
      r.description,
      CASE_STATUS_LABELS[r.status as CaseStatus] ?? r.status,
      r.received_on,
      r.due_date,
      open && r.due_date !== null && r.due_date < today ? '是' : '',
      r.concluded_on,
      outcomeLabel(r.outcome),
    ]
    if (!personalData) return base.map(cell).join(',')
    const found = applicants.get(r.id)
    const full = mayRevealApplicant(
      actor,
      caseTarget({ agencyId: r.agency_id, agencyPath: r.agency_path }),
      r.officer_id,
    )
    if (full && found) revealed++
    const a = found === undefined ? undefined : full ? found : maskApplicant(found)
    return [...base, a ? ID_TYPE_LABELS[a.idType] : '', a?.idNumber, a?.phone, a?.email, a?.address]
      .map(cell)
      .join(',')
  })
  await withTransaction(db, (trx) =>
    recordAudit(
      trx,
      actor,
      {
        action: 'application.export_queue',
        targetType: 'application',
        targetId: null,
        agencyId: actor.agencyId,
        after: {
          view: data.view,
          search: data.search ?? null,
          rows: rows.length,
          personalDataRows: revealed,
        },
      },
      options.now,
    ),
  )
  return {
    csv: `\ufeff${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`,
    rows: rows.length,
    personalData,
  }
}
