// checkReport: every rule and check that applies to a report, as findings. Pure: no I/O, never throws on data.
import { FORMATS } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { resolveCheckOptions } from './check-options.ts'
import type { CheckOptions } from './check-options.ts'
import { PLAUSIBILITY_CHECKS } from './checks/all-checks.ts'
import { CROSS_YEAR_RULES } from './cross-year-rules.ts'
import { evaluateRules } from './engine.ts'
import type { Finding } from './finding.ts'
import { reportValues } from './report-values.ts'
import type { ReportValues } from './report-values.ts'
import { TABLE_RULES } from './table-rules.ts'

function valuesOf(report: AnnualReport | undefined): ReportValues | undefined {
  return report?.format ? reportValues(report, FORMATS[report.format], TABLE_RULES) : undefined
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): Finding[] {
  const resolved = resolveCheckOptions(options)
  const current = valuesOf(report)
  const previous = valuesOf(options.previous)
  const findings: Finding[] = []
  if (current) {
    findings.push(...evaluateRules(TABLE_RULES, { current, mode: resolved.mode }))
    if (previous) {
      findings.push(...evaluateRules(CROSS_YEAR_RULES, { current, previous, mode: resolved.mode }))
    }
  }
  const ctx = { report, values: current, format: current?.format, options: resolved }
  for (const check of PLAUSIBILITY_CHECKS) findings.push(...check.check(ctx))
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
