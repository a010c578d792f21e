// 表三 reads each case of the year once: a case received in the year brings its conclusion date and outcome
// from the receipt-date index (no second read of the same case through the conclusion-date index, and no
// lookup of the wide case row). The index replaces `report_applications_received` (its prefix).
// On PostgreSQL both report indexes also carry the case id (INCLUDE), which the query joins on: without it
// every matching entry cost a heap fetch (SQLite indexes hold the rowid anyway).
// Measured by `npm run bench -- report-compute`.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

function withId(db: Kysely<unknown>) {
  return sql.raw(engineOf(db) === 'postgres' ? ' include (id)' : '')
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index report_applications_received_outcome
    on applications (agency_id, received_on, concluded_on, outcome)${withId(db)}`.execute(db)
  await db.schema.dropIndex('report_applications_received').execute()
  if (engineOf(db) === 'postgres') {
    await db.schema.dropIndex('report_applications_concluded_outcome').execute()
    await sql`create index report_applications_concluded_outcome
      on applications (agency_id, concluded_on, received_on, outcome)${withId(db)}`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await db.schema.dropIndex('report_applications_concluded_outcome').execute()
    await db.schema
      .createIndex('report_applications_concluded_outcome')
      .on('applications')
      .columns(['agency_id', 'concluded_on', 'received_on', 'outcome'])
      .execute()
  }
  await db.schema
    .createIndex('report_applications_received')
    .on('applications')
    .columns(['agency_id', 'received_on', 'concluded_on'])
    .execute()
  await db.schema.dropIndex('report_applications_received_outcome').execute()
}
