// Kysely table interface for the append-only audit log.
import type { Generated, Insertable, Selectable } from 'kysely'

export interface AuditLogTable {
  id: Generated<number>
  occurred_at: string
  /** Null for events without a logged-in actor (failed login of an unknown username, seeding). */
  actor_user_id: number | null
  actor_username: string | null
  /** The agency the change concerns (the target's agency); scoping of the log follows it. */
  agency_id: number | null
  action: string
  target_type: string
  target_id: string | null
  /** JSON text of the target before and after the change; never contains password hashes. */
  before_json: string | null
  after_json: string | null
}

export type AuditLogRow = Selectable<AuditLogTable>
export type NewAuditLogRow = Insertable<AuditLogTable>
