// 表四 and 表二 inputs of the computed annual report: records of 行政复议 / 行政诉讼 arising from disclosure work,
// and the 表二 figures that live in other systems (行政许可, 行政处罚, 行政强制, 行政事业性收费), entered per agency
// and year with their source. Also the indexes the report computation reads applications through: a year's
// receipts and a year's conclusions are index ranges, so 表三 of one agency never scans all its cases.
import type { Kysely } from 'kysely'
import { addIdColumn, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db)
  await addIdColumn(engine, db.schema.createTable('appeals'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('agency_role', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appeals_agency_case_number', ['agency_id', 'kind', 'case_number'])
    .execute()
  await db.schema.createIndex('appeals_agency_filed').on('appeals').columns(['agency_id', 'filed_on']).execute()
  await db.schema
    .createIndex('appeals_agency_concluded')
    .on('appeals')
    .columns(['agency_id', 'concluded_on'])
    .execute()

  await db.schema
    .createTable('report_manual_figures')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    // The number as entered (a decimal string for 万元), so no float rounding creeps into a published figure.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_manual_figures_pk', ['agency_id', 'year', 'cell'])
    .execute()

  await db.schema
    .createIndex('report_applications_received')
    .on('applications')
    .columns(['agency_id', 'received_on', 'concluded_on'])
    .execute()
  await db.schema
    .createIndex('report_applications_concluded')
    .on('applications')
    .columns(['agency_id', 'concluded_on', 'received_on'])
    .execute()
  await db.schema
    .createIndex('report_catalogue_items_type')
    .on('catalogue_items')
    .columns(['agency_id', 'item_type'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_catalogue_items_type').execute()
  await db.schema.dropIndex('report_applications_concluded').execute()
  await db.schema.dropIndex('report_applications_received').execute()
  await db.schema.dropTable('report_manual_figures').execute()
  await db.schema.dropTable('appeals').execute()
}
