// The published report versions the 图解 reads: the latest version of each year of one agency.
import type { DB } from '../../storage/index.ts'

export interface PublishedReportRow {
  year: number
  version: number
  report_json: string
  published_at: string
}

/** The latest version per year (oldest year first), at most `limit` years up to `maxYear`. */
export async function latestPublishedReports(
  db: DB,
  agencyId: number,
  maxYear: number,
  limit: number,
): Promise<PublishedReportRow[]> {
  const rows = await db
    .selectFrom('report_versions as v')
    .select(['v.year', 'v.version', 'v.report_json', 'v.published_at'])
    .where('v.agency_id', '=', agencyId)
    .where('v.year', '<=', maxYear)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('report_versions as n')
            .select('n.id')
            .whereRef('n.agency_id', '=', 'v.agency_id')
            .whereRef('n.year', '=', 'v.year')
            .whereRef('n.version', '>', 'v.version'),
        ),
      ),
    )
    .orderBy('v.year', 'desc')
    .limit(limit)
    .execute()
  return rows.reverse()
}
