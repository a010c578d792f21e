/**
 * The rules engine of the annual report: 勾稽 rules and audit checks, each with an id
 * (report-schema.json `rules`, `cross_year_rules`, `plausibility_checks`, and the M-* metadata checks).
 */
import { PLAUSIBILITY_CHECKS } from './checks/all-checks.ts'
import { CROSS_YEAR_RULES } from './cross-year-rules.ts'
import type { Severity } from './finding.ts'
import type { RuleDef } from './rule-types.ts'
import { TABLE_RULES } from './table-rules.ts'

/** Checks a report and returns every finding (empty when the report is consistent). */
export { checkReport } from './check-report.ts'
/** Options of checkReport: previous report, publication date, agency kind, mode and the heuristic thresholds. */
export type { CheckOptions, ReportAgencyKind } from './check-options.ts'
/** A finding: rule id, severity, Chinese message naming table, row and column, and the cells involved. */
export type { Finding, Severity } from './finding.ts'
/** The agency kind a name implies (人民政府 → government, 乡/镇/街道 → township, otherwise department). */
export { inferAgencyKind } from './checks/agency-name.ts'
/** The date a 索引号 embeds, at its precision (YYYY-MM-DD, YYYY-MM or YYYY). */
export { indexNoDate } from './checks/index-number-date.ts'
/** Chinese names for messages and listings: `表三`, a cell's full name (table, row, column). */
export { tableName, cellName } from './cell-names.ts'
/** Rule definitions as data, for documentation and for the console. */
export { TABLE_RULES, CROSS_YEAR_RULES, PLAUSIBILITY_CHECKS }
export type { RuleDef, CheckMode } from './rule-types.ts'

/** One line per rule: id, usual severity and Chinese description (for `--help` and docs). */
export interface RuleSummary {
  id: string
  severity: Severity | Readonly<Record<'audit' | 'generate', Severity>>
  description: string
}

/** Every rule and check the engine knows. */
export function listRules(): RuleSummary[] {
  const fromDefs = (defs: readonly RuleDef[]) =>
    defs.map((r) => ({ id: r.id, severity: r.severity, description: r.description }))
  return [
    ...fromDefs(TABLE_RULES),
    ...fromDefs(CROSS_YEAR_RULES),
    ...PLAUSIBILITY_CHECKS.map((c) => ({ id: c.id, severity: c.severity, description: c.description })),
  ]
}
