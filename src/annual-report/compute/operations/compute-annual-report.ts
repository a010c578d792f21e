// The annual report of one agency for one year, computed from its own records: 表三 from the applications,
// 表二 from the catalogue and the hand-entered figures, 表四 from the appeals records. The balance
// 一+二=三（七）+四 holds by construction; when it does not, the data has a case concluded before it was
// received (or without a receipt date), and the result names those cases.
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { expectedFormatForYear, FORMAT_KEYS, FORMATS } from '../../formats/index.ts'
import type { CellAddress, FormatKey } from '../../formats/index.ts'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../../rules/index.ts'
import type { Finding } from '../../rules/index.ts'
import { t3Imbalances, vectorCells } from '../build-tables.ts'
import { DEFAULT_CONVENTIONS, describeConventions } from '../conventions.ts'
import type { CountingConventions } from '../conventions.ts'
import { draftSections } from '../draft-sections.ts'
import { findAgencyInfo } from '../manual-figure.queries.ts'
import type { ManualFigure } from '../manual-figures.ts'
import { authorizeReport } from '../report.policy.ts'
import { t3BalanceBreakers } from '../t3.queries.ts'
import type { BalanceBreaker } from '../t3.queries.ts'
import { parseInput } from '../parse-input.ts'
import { computeTables } from './compute-tables.ts'

export const ComputeAnnualReportSchema = z.object({
  agencyId: z.coerce.number({ error: '机构编号无效' }).int('机构编号无效').positive('机构编号无效'),
  // The national formats exist from report year 2019 (the 2019 revision of the 条例).
  year: z.coerce
    .number({ error: '年份无效' })
    .int('年份无效')
    .min(2019, '年度报告格式自2019年度起适用')
    .max(2100, '年份无效'),
  format: z.enum(FORMAT_KEYS as [FormatKey, ...FormatKey[]], { error: '格式无效' }).optional(),
  conventions: z
    .object({
      t4Scope: z.enum(['filed_or_concluded', 'filed']).optional(),
      countCoDefendantAsReviewBody: z.boolean().optional(),
      repealIncludesExpired: z.boolean().optional(),
    })
    .optional(),
})

export type ComputeAnnualReportInput = z.input<typeof ComputeAnnualReportSchema>

export interface ComputedReport {
  readonly agencyId: number
  readonly year: number
  /** The report model (format, title, cells, draft sections): what the renderers and `checkReport` take. */
  readonly report: AnnualReport
  /** Hand-entered 表二 figures with their sources. */
  readonly manualFigures: readonly ManualFigure[]
  /** 表二 cells still to be entered (blank in the report). */
  readonly missingManualCells: readonly CellAddress[]
  /** 一+二=三（七）+四 per column; `breakers` lists the cases that break it (empty when it holds). */
  readonly balance: {
    readonly holds: boolean
    readonly columns: readonly string[]
    readonly breakers: readonly BalanceBreaker[]
  }
  /** Concluded cases with an outcome the 表三 mapping does not know (counted under （六）其他处理). */
  readonly unknownOutcomes: number
  /** Every finding of the rules engine in `generate` mode. */
  readonly findings: readonly Finding[]
  readonly conventions: CountingConventions
  /** The conventions in Chinese, for the builder and the CLI. */
  readonly notes: readonly string[]
}

/**
 * Compute an agency's annual report for a year. No policy check: for trusted callers (the CLI as operator,
 * aggregation after its own check); the console and API call `computeReportFor`.
 *
 * Example:
 * ```ts
 * const { report, findings } = await computeAnnualReport(db, { agencyId: 4, year: 2025 })
 * await renderPdf(report)
 * ```
 */
export async function computeAnnualReport(db: DB, input: ComputeAnnualReportInput): Promise<ComputedReport> {
  const data = parseInput(ComputeAnnualReportSchema, input)
  const agency = await findAgencyInfo(db, data.agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  const formatKey = data.format ?? expectedFormatForYear(data.year)
  const format = FORMATS[formatKey]
  const conventions = resolveConventions(data.conventions ?? {})
  const tables = (
    await computeTables(db, { kind: 'one', agencyId: agency.id }, [agency.id], data.year, format, conventions)
  ).get(agency.id)
  if (!tables) throw new Error('computeTables returned no row for the agency')
  const columns = t3Imbalances(format, tables.vector)
  const { cells, blank } = vectorCells(format, tables.vector)
  const breakers = columns.length > 0 ? await t3BalanceBreakers(db, agency.id, data.year) : []
  const report: AnnualReport = {
    format: formatKey,
    year: data.year,
    agency: agency.name,
    title: `${agency.name}${data.year}年政府信息公开工作年度报告`,
    metadata: null,
    sections: draftSections({ cells, format: formatKey }, data.year),
    cells,
    blank,
  }
  return {
    agencyId: agency.id,
    year: data.year,
    report,
    manualFigures: tables.manualFigures,
    missingManualCells: tables.missingManualCells,
    balance: { holds: columns.length === 0, columns, breakers },
    unknownOutcomes: tables.unknownOutcomes,
    findings: checkReport(report, { mode: 'generate' }),
    conventions,
    notes: describeConventions(conventions),
  }
}

/** `computeAnnualReport` for an actor: the agency's own staff, administrators and 监督员 above it. */
export async function computeReportFor(
  db: DB,
  actor: Actor,
  input: ComputeAnnualReportInput,
): Promise<ComputedReport> {
  const data = parseInput(ComputeAnnualReportSchema, input)
  const agency = await findAgencyInfo(db, data.agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  authorizeReport(actor, 'annual_report.compute', { agencyId: agency.id, agencyPath: agency.path })
  return computeAnnualReport(db, data)
}

/** The conventions given, defaults for the rest (an explicit `undefined` does not erase a default). */
export function resolveConventions(given: {
  [K in keyof CountingConventions]?: CountingConventions[K] | undefined
}): CountingConventions {
  return {
    t4Scope: given.t4Scope ?? DEFAULT_CONVENTIONS.t4Scope,
    countCoDefendantAsReviewBody:
      given.countCoDefendantAsReviewBody ?? DEFAULT_CONVENTIONS.countCoDefendantAsReviewBody,
    repealIncludesExpired: given.repealIncludesExpired ?? DEFAULT_CONVENTIONS.repealIncludesExpired,
  }
}
