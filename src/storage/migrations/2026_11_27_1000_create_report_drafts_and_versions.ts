// The annual report's working draft (section texts, last year's report imported from its published file) per
// agency and year, and the published versions: each one immutable, with the tables as JSON, their sha256,
// the catalogue item it created, the "what changed" note of a correction and an override reason if any.
import type { Kysely } from 'kysely'
import { addIdColumn, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_drafts')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('previous_json', 'text')
    .addColumn('previous_source', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_drafts_pk', ['agency_id', 'year'])
    .execute()
  await addIdColumn(engineOf(db), db.schema.createTable('report_versions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('tables_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_agency_year_version', ['agency_id', 'year', 'version'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_versions').execute()
  await db.schema.dropTable('report_drafts').execute()
}
