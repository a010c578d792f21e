// The columns of every table as the `Database` interface declares them, checked at compile time to list
// exactly the interface's keys; the migration-drift test compares it with the migrated schema on both engines.
import type { Database } from './database.ts'

type ExactKeys<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never]
  ? [Exclude<K[number], keyof T>] extends [never]
    ? K
    : never
  : never

function columns<T>() {
  return <const K extends readonly (keyof T & string)[]>(keys: ExactKeys<T, K>): K => keys
}

export const DATABASE_COLUMNS: { readonly [T in keyof Database]: readonly string[] } = {
  agencies: columns<Database['agencies']>()([
    'id',
    'parent_id',
    'path',
    'name',
    'kind',
    'credit_code',
    'org_code',
    'site_code',
    'site_sponsor',
    'icp_record',
    'police_record',
    'guide_office',
    'guide_address',
    'guide_hours',
    'guide_phone',
    'guide_fax',
    'guide_email',
    'guide_postcode',
    'created_at',
    'updated_at',
  ]),
  users: columns<Database['users']>()([
    'id',
    'agency_id',
    'username',
    'display_name',
    'password_hash',
    'must_change_password',
    'disabled_at',
    'password_changed_at',
    'last_login_at',
    'created_at',
    'updated_at',
  ]),
  user_roles: columns<Database['user_roles']>()(['user_id', 'role']),
  sessions: columns<Database['sessions']>()([
    'id',
    'token_hash',
    'user_id',
    'created_at',
    'last_seen_at',
    'expires_at',
  ]),
  login_attempts: columns<Database['login_attempts']>()([
    'username',
    'failure_count',
    'last_failure_at',
    'locked_until',
  ]),
  audit_log: columns<Database['audit_log']>()([
    'id',
    'occurred_at',
    'actor_user_id',
    'actor_username',
    'agency_id',
    'action',
    'target_type',
    'target_id',
    'before_json',
    'after_json',
  ]),
}
