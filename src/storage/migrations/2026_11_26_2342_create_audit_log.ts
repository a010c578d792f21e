// The audit log: append-only, enforced by triggers on both engines so no code path can rewrite history.
import type { Kysely } from 'kysely'
import { addAppendOnlyTriggers, addIdColumn, dropAppendOnlyTriggers, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(engineOf(db), db.schema.createTable('audit_log'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'text')
    .addColumn('agency_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema.createIndex('audit_log_occurred_at').on('audit_log').column('occurred_at').execute()
  await db.schema
    .createIndex('audit_log_agency_id')
    .on('audit_log')
    .columns(['agency_id', 'occurred_at'])
    .execute()
  await db.schema.createIndex('audit_log_actor_user_id').on('audit_log').column('actor_user_id').execute()
  await addAppendOnlyTriggers(db, 'audit_log')
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropAppendOnlyTriggers(db, 'audit_log')
  await db.schema.dropTable('audit_log').execute()
}
