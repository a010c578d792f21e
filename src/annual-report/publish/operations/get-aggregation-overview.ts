// A supervising office's overview for a year: the summed tables of its subtree (aggregateReportsFor: policy,
// sum, standings), and per subordinate agency whether its report is published (which version, when) and
// whether its computed report fails a rule or lacks hand-entered figures.
import type { Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import { aggregateReportsFor } from '../../compute/index.ts'
import type { AggregatedReports } from '../../compute/index.ts'
import { parseInput } from '../../compute/parse-input.ts'
import { ReportKeySchema } from '../report-key.schema.ts'
import type { ReportKeyInput } from '../report-key.schema.ts'
import { findAgencyRecord, latestVersionsOf, subtreeAgencies } from '../report-publish.queries.ts'

export interface AgencyOverview {
  readonly agencyId: number
  readonly name: string
  readonly publishedVersion: number | null
  readonly publishedAt: string | null
  /** The newest version was published over error findings (a 机构管理员's written reason). */
  readonly publishedOverErrors: boolean
  readonly errorCount: number
  readonly missingFigures: number
}

export interface AggregationOverview {
  readonly aggregate: AggregatedReports
  readonly agencies: readonly AgencyOverview[]
  readonly publishedCount: number
}

export async function getAggregationOverview(
  db: DB,
  actor: Actor,
  input: ReportKeyInput,
): Promise<AggregationOverview> {
  const { agencyId, year } = parseInput(ReportKeySchema, input)
  const aggregate = await aggregateReportsFor(db, actor, { supervisingAgencyId: agencyId, year })
  const office = aggregate.supervisingAgencyId
  const officeRecord = await findAgencyRecord(db, office)
  const agencies = officeRecord ? await subtreeAgencies(db, officeRecord.path, office) : []
  const versions = await latestVersionsOf(
    db,
    agencies.map((a) => a.id),
    year,
  )
  const errors = new Map(aggregate.withErrors.map((s) => [s.agencyId, s.errors.length]))
  const missing = new Map(aggregate.incomplete.map((s) => [s.agencyId, s.missingManualCells.length]))
  const rows = agencies.map((a) => {
    const v = versions.get(a.id)
    return {
      agencyId: a.id,
      name: a.name,
      publishedVersion: v?.version ?? null,
      publishedAt: v?.published_at ?? null,
      publishedOverErrors: (v?.error_count ?? 0) > 0,
      errorCount: errors.get(a.id) ?? 0,
      missingFigures: missing.get(a.id) ?? 0,
    }
  })
  return { aggregate, agencies: rows, publishedCount: rows.filter((r) => r.publishedVersion !== null).length }
}
