// Agencies (a tree), users and their roles.
import type { Kysely } from 'kysely'
import { addIdColumn, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db)
  await addIdColumn(engine, db.schema.createTable('agencies'))
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text')
    .addColumn('org_code', 'text')
    .addColumn('site_code', 'text')
    .addColumn('site_sponsor', 'text')
    .addColumn('icp_record', 'text')
    .addColumn('police_record', 'text')
    .addColumn('guide_office', 'text')
    .addColumn('guide_address', 'text')
    .addColumn('guide_hours', 'text')
    .addColumn('guide_phone', 'text')
    .addColumn('guide_fax', 'text')
    .addColumn('guide_email', 'text')
    .addColumn('guide_postcode', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('agencies_parent_id').on('agencies').column('parent_id').execute()

  await addIdColumn(engine, db.schema.createTable('users'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('users_agency_id').on('users').column('agency_id').execute()

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_roles').execute()
  await db.schema.dropTable('users').execute()
  await db.schema.dropTable('agencies').execute()
}
