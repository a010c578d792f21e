// The sum of a supervising office's subordinate agencies' reports for a year (per table), with the agencies
// whose report fails a rule or lacks hand-entered figures. The same grouped queries as one agency's report,
// over the whole subtree at once; only the rules engine runs per agency.
// Published reports are not stored yet (publication comes with the report builder), so every agency's tables
// are computed from its records.
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { expectedFormatForYear, FORMAT_KEYS, FORMATS } from '../../formats/index.ts'
import type { CellAddress, FormatKey } from '../../formats/index.ts'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../../rules/index.ts'
import type { Finding } from '../../rules/index.ts'
import { emptyVector, formatIndex, t3Imbalances, vectorCells } from '../build-tables.ts'
import { findAgencyInfo, subtreeAgencies } from '../manual-figure.queries.ts'
import { parseInput } from '../parse-input.ts'
import { authorizeReport } from '../report.policy.ts'
import { resolveConventions } from './compute-annual-report.ts'
import { computeTables } from './compute-tables.ts'

export const AggregateReportsSchema = z.object({
  supervisingAgencyId: z.coerce
    .number({ error: '机构编号无效' })
    .int('机构编号无效')
    .positive('机构编号无效'),
  year: z.coerce
    .number({ error: '年份无效' })
    .int('年份无效')
    .min(2019, '年度报告格式自2019年度起适用')
    .max(2100, '年份无效'),
  format: z.enum(FORMAT_KEYS as [FormatKey, ...FormatKey[]], { error: '格式无效' }).optional(),
})

export type AggregateReportsInput = z.input<typeof AggregateReportsSchema>

/** One subordinate agency in the aggregation. */
export interface AgencyStanding {
  readonly agencyId: number
  readonly name: string
  /** Error-severity findings of its computed report (`generate` mode; checked in full when its balance fails). */
  readonly errors: readonly Finding[]
  /** 表二 figures it has not entered. */
  readonly missingManualCells: readonly CellAddress[]
}

export interface AggregatedReports {
  readonly supervisingAgencyId: number
  readonly year: number
  readonly format: FormatKey
  /** Number of subordinate agencies summed. */
  readonly agencyCount: number
  /** The sum, as a report (cells summed per address; a hand-entered cell is blank only when nobody entered it). */
  readonly report: AnnualReport
  /** Findings of the rules engine on the sum (table rules hold for a sum when they hold for every part). */
  readonly findings: readonly Finding[]
  /** Agencies with at least one error-severity finding. */
  readonly withErrors: readonly AgencyStanding[]
  /** Agencies that still lack hand-entered 表二 figures. */
  readonly incomplete: readonly AgencyStanding[]
}

/** Sum the subordinate agencies' computed reports. For trusted callers; the console calls `aggregateReportsFor`. */
export async function aggregateReports(db: DB, input: AggregateReportsInput): Promise<AggregatedReports> {
  const data = parseInput(AggregateReportsSchema, input)
  const office = await findAgencyInfo(db, data.supervisingAgencyId)
  if (!office) throw new DomainError('not_found', '机构不存在')
  const formatKey = data.format ?? expectedFormatForYear(data.year)
  const format = FORMATS[formatKey]
  const agencies = await subtreeAgencies(db, office.path, office.id)
  const tables = await computeTables(
    db,
    { kind: 'subtree', path: office.path, excludeAgencyId: office.id },
    agencies.map((a) => a.id),
    data.year,
    format,
    resolveConventions({}),
  )
  const sum = emptyVector(format)
  sum.present.fill(0)
  const size = formatIndex(format).addresses.length
  const standings: AgencyStanding[] = []
  for (const agency of agencies) {
    const t = tables.get(agency.id)
    if (!t) continue
    for (let i = 0; i < size; i++) {
      if (!t.vector.present[i]) continue
      sum.values[i] = (sum.values[i] ?? 0) + (t.vector.values[i] ?? 0)
      sum.present[i] = 1
    }
    // Per agency only the balance is checked here: buildT3/buildT4 set every total from its parts, so the other
    // table rules hold by construction (the property test holds them to it), and the rules engine costs about
    // half a millisecond per report — 5 s for 10,000 agencies. An agency whose balance fails gets the full check.
    const imbalanced = t3Imbalances(format, t.vector).length > 0
    const errors: Finding[] = []
    if (imbalanced) {
      const { cells, blank } = vectorCells(format, t.vector)
      const report: AnnualReport = {
        format: formatKey,
        year: data.year,
        agency: agency.name,
        title: null,
        metadata: null,
        sections: {},
        cells,
        blank,
      }
      errors.push(...checkReport(report, { mode: 'generate' }).filter((f) => f.severity === 'error'))
      if (!errors.some((f) => f.rule === 'T3-BAL')) {
        errors.push({ rule: 'T3-BAL', severity: 'error', message: '表三 一+二≠三（七）+四', cells: [] })
      }
    }
    standings.push({
      agencyId: agency.id,
      name: agency.name,
      errors,
      missingManualCells: t.missingManualCells,
    })
  }
  // Decimal 万元 figures: round the sums so float dust never shows in a printed total.
  for (let i = 0; i < size; i++) sum.values[i] = Math.round((sum.values[i] ?? 0) * 1e6) / 1e6
  const { cells, blank } = vectorCells(format, sum)
  const report: AnnualReport = {
    format: formatKey,
    year: data.year,
    agency: office.name,
    title: `${office.name}所属机构${data.year}年政府信息公开工作年度报告汇总`,
    metadata: null,
    sections: {},
    cells,
    blank,
  }
  return {
    supervisingAgencyId: office.id,
    year: data.year,
    format: formatKey,
    agencyCount: agencies.length,
    report,
    findings: checkReport(report, { mode: 'generate' }).filter((f) => f.rule !== 'P-SECTIONS'),
    withErrors: standings.filter((s) => s.errors.length > 0),
    incomplete: standings.filter((s) => s.missingManualCells.length > 0),
  }
}

/** `aggregateReports` for an actor: 监督员 and 机构管理员 of the supervising office (or above it). */
export async function aggregateReportsFor(
  db: DB,
  actor: Actor,
  input: AggregateReportsInput,
): Promise<AggregatedReports> {
  const data = parseInput(AggregateReportsSchema, input)
  const office = await findAgencyInfo(db, data.supervisingAgencyId)
  if (!office) throw new DomainError('not_found', '机构不存在')
  authorizeReport(actor, 'annual_report.aggregate', { agencyId: office.id, agencyPath: office.path })
  return aggregateReports(db, data)
}
