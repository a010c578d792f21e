// The annual report's reads of applications as index-only scans: a year's conclusions carry their outcome in
// the index (no lookup of the wide case row per concluded case), and the applicant's 表三 column comes from a
// narrow index instead of the row holding personal data. Measured by `npm run bench -- report-compute`.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_applications_concluded').execute()
  await db.schema
    .createIndex('report_applications_concluded_outcome')
    .on('applications')
    .columns(['agency_id', 'concluded_on', 'received_on', 'outcome'])
    .execute()
  await db.schema
    .createIndex('report_applicants_column')
    .on('application_applicants')
    .columns(['application_id', 'applicant_type', 'org_subtype'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_applicants_column').execute()
  await db.schema.dropIndex('report_applications_concluded_outcome').execute()
  await db.schema
    .createIndex('report_applications_concluded')
    .on('applications')
    .columns(['agency_id', 'concluded_on', 'received_on'])
    .execute()
}
