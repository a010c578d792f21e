// SQL of the report builder: the working draft per agency and year, the published versions (insert and read
// only: a published version is never updated), the agency's 政府信息公开年报 column, and the 信息处理费 events
// that section 六 reports.
import type { DB } from '../../storage/index.ts'
import type { ReportDraftTable, ReportVersionRow, ReportVersionTable } from './report-publish.table.ts'
import type { Insertable } from 'kysely'

export interface AgencyRecord {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly kind: string
  readonly parentId: number | null
}

export async function findAgencyRecord(db: DB, agencyId: number): Promise<AgencyRecord | undefined> {
  const row = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'path', 'kind', 'parent_id'])
    .where('id', '=', agencyId)
    .executeTakeFirst()
  return row && { id: row.id, name: row.name, path: row.path, kind: row.kind, parentId: row.parent_id }
}

/** The agencies below `path` (not the office itself), by path order. */
export async function subtreeAgencies(db: DB, path: string, excludeId: number): Promise<AgencyRecord[]> {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'path', 'kind', 'parent_id'])
    .where('path', 'like', `${path}%`)
    .where('id', '<>', excludeId)
    .orderBy('path')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, kind: r.kind, parentId: r.parent_id }))
}

export async function findDraft(
  db: DB,
  agencyId: number,
  year: number,
): Promise<ReportDraftTable | undefined> {
  return db
    .selectFrom('report_drafts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst()
}

export async function upsertDraft(db: DB, row: ReportDraftTable): Promise<void> {
  await db
    .insertInto('report_drafts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        sections_json: row.sections_json,
        previous_json: row.previous_json,
        previous_source: row.previous_source,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute()
}

/** Published versions of an agency's report for a year, oldest first. */
export async function listVersionRows(db: DB, agencyId: number, year: number): Promise<ReportVersionRow[]> {
  return db
    .selectFrom('report_versions')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('version')
    .execute()
}

/** The newest version of each agency in `agencyIds` for a year (for aggregation standings). */
export async function latestVersionsOf(
  db: DB,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, ReportVersionRow>> {
  const out = new Map<number, ReportVersionRow>()
  for (let i = 0; i < agencyIds.length; i += 500) {
    const chunk = agencyIds.slice(i, i + 500)
    const rows = await db
      .selectFrom('report_versions')
      .selectAll()
      .where('agency_id', 'in', chunk)
      .where('year', '=', year)
      .orderBy('version')
      .execute()
    for (const r of rows) out.set(r.agency_id, r)
  }
  return out
}

export async function findVersionRow(db: DB, id: number): Promise<ReportVersionRow | undefined> {
  return db.selectFrom('report_versions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertVersion(db: DB, row: Insertable<ReportVersionTable>): Promise<ReportVersionRow> {
  return db.insertInto('report_versions').values(row).returningAll().executeTakeFirstOrThrow()
}

/** The agency's 政府信息公开年报 column (kind `annual_report`), the first one when there are several. */
export async function findAnnualReportColumnId(db: DB, agencyId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('catalogue_columns')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'annual_report')
    .orderBy('id')
    .executeTakeFirst()
  return row?.id
}

/** 信息处理费 events of the agency's cases dated in the year (payloads as stored). */
export async function feeEventsOf(
  db: DB,
  agencyId: number,
  year: number,
): Promise<{ applicationId: number; type: string; payload: string; on: string }[]> {
  const rows = await db
    .selectFrom('application_events')
    .innerJoin('applications', 'applications.id', 'application_events.application_id')
    .select([
      'application_events.application_id as applicationId',
      'application_events.type as type',
      'application_events.payload_json as payload',
      'application_events.on_date as on',
    ])
    .where('applications.agency_id', '=', agencyId)
    .where('application_events.type', 'in', ['fee_notice_sent', 'fee_paid'])
    .where('application_events.on_date', '>=', `${year}-01-01`)
    .where('application_events.on_date', '<=', `${year}-12-31`)
    .orderBy('application_events.on_date')
    .execute()
  return rows
}
