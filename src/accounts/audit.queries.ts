// SQL for the audit log: insert and list only (the table rejects UPDATE and DELETE).
import type { DB } from '../storage/index.ts'
import { isoNow } from '../storage/index.ts'
import type { AuditLogRow } from './audit.table.ts'
import type { ListScope } from './policy.ts'
import { agencyScopeWhere } from './scope.queries.ts'
import { isSystemActor, type Actor, type AuditEntry } from './user.ts'

/** One change to record. `before`/`after` are domain objects (never rows: rows carry password hashes). */
export interface AuditRecord {
  readonly action: string
  readonly targetType: string
  readonly targetId: string | number | null
  readonly agencyId: number | null
  readonly before?: unknown
  readonly after?: unknown
}

// Defence in depth: whatever object is passed, no key that names a password or token reaches the log.
const SECRET_KEY = /password|token|hash|secret/i

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, v: unknown) =>
    key !== '' && SECRET_KEY.test(key) && typeof v === 'string' ? '[redacted]' : v,
  )
}

/** Append one entry; call it inside the transaction of the write it records. */
export async function recordAudit(
  db: DB,
  actor: Actor | null,
  rec: AuditRecord,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      occurred_at: isoNow(now),
      actor_user_id: actor === null || isSystemActor(actor) ? null : actor.userId,
      actor_username: actor?.username ?? null,
      agency_id: rec.agencyId,
      action: rec.action,
      target_type: rec.targetType,
      target_id: rec.targetId === null ? null : String(rec.targetId),
      before_json: toJson(rec.before),
      after_json: toJson(rec.after),
    })
    .execute()
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    agencyId: row.agency_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  }
}

export interface AuditQuery {
  readonly agencyPath?: string | undefined
  readonly actorId?: number | undefined
  readonly action?: string | undefined
  readonly fromIso?: string | undefined
  readonly toIso?: string | undefined
  readonly limit: number
  readonly offset: number
}

export async function listAuditRows(
  db: DB,
  scope: ListScope,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('agencies', 'agencies.id', 'audit_log.agency_id')
    .where(agencyScopeWhere(scope, { agencyPath: 'agencies.path', agencyId: 'audit_log.agency_id' }))
  if (query.agencyPath !== undefined) q = q.where('agencies.path', 'like', `${query.agencyPath}%`)
  if (query.actorId !== undefined) q = q.where('audit_log.actor_user_id', '=', query.actorId)
  if (query.action !== undefined) q = q.where('audit_log.action', '=', query.action)
  if (query.fromIso !== undefined) q = q.where('audit_log.occurred_at', '>=', query.fromIso)
  if (query.toIso !== undefined) q = q.where('audit_log.occurred_at', '<', query.toIso)
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await q
    .selectAll('audit_log')
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return { items: rows.map(toAuditEntry), total: Number(total) }
}
