// Bulk import checkpoints (`gongkai import items|applications`): the last committed offset per input file.
import type { Kysely } from 'kysely'
import { addIdColumn, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(engineOf(db), db.schema.createTable('bulk_import_checkpoints'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('next_offset', 'bigint', (c) => c.notNull())
    .addColumn('next_line', 'integer', (c) => c.notNull())
    .addColumn('imported_rows', 'integer', (c) => c.notNull())
    .addColumn('rejected_rows', 'integer', (c) => c.notNull())
    .addColumn('rejected_bytes', 'bigint', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bulk_import_checkpoints_file', ['kind', 'agency_id', 'file_sha256'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bulk_import_checkpoints').execute()
}
