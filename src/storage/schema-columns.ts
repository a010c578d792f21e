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
  catalogue_columns: columns<Database['catalogue_columns']>()([
    'id',
    'agency_id',
    'parent_id',
    'name',
    'slug',
    'kind',
    'position',
    'created_at',
    'updated_at',
  ]),
  catalogue_items: columns<Database['catalogue_items']>()([
    'id',
    'agency_id',
    'column_id',
    'status',
    'index_number',
    'title',
    'topic_code',
    'publisher_name',
    'written_on',
    'published_on',
    'doc_number',
    'validity',
    'effective_on',
    'repealed_on',
    'keywords',
    'summary',
    'body_html',
    'body_text',
    'item_type',
    'made_on',
    'published_on_time',
    'view_count',
    'scheduled_at',
    'published_at',
    'submitted_at',
    'return_reason',
    'withdrawn_at',
    'withdrawal_reason',
    'created_by',
    'reviewed_by',
    'created_at',
    'updated_at',
  ]),
  catalogue_attachments: columns<Database['catalogue_attachments']>()([
    'id',
    'item_id',
    'file_name',
    'media_type',
    'size_bytes',
    'storage_key',
    'sha256',
    'position',
    'created_at',
  ]),
  catalogue_settings: columns<Database['catalogue_settings']>()([
    'agency_id',
    'index_pattern',
    'topics_json',
    'updated_at',
  ]),
  catalogue_index_serials: columns<Database['catalogue_index_serials']>()(['agency_id', 'period', 'last_serial']),
  search_documents: columns<Database['search_documents']>()([
    'id',
    'rank_key',
    'agency_id',
    'column_id',
    'year',
    'title',
    'doc_number',
    'index_number',
    'body',
    'published_at',
    'grams',
    'norm_title',
    'norm_text',
  ]),
}

/**
 * Tables an engine creates for itself, outside `Database`: SQLite's FTS5 search index (src/search/) and the
 * shadow tables FTS5 keeps its data in. The migration-drift test leaves them out.
 */
export const ENGINE_INTERNAL_TABLES: Readonly<Record<'sqlite' | 'postgres', readonly string[]>> = {
  sqlite: ['search_fts', 'search_fts_data', 'search_fts_idx', 'search_fts_docsize', 'search_fts_config'],
  postgres: [],
}
