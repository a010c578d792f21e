// Plausibility and metadata checks: report-schema.json `plausibility_checks` and the M-* catalogue-metadata
// checks. Their shapes do not repeat, so each is a small function registered with its id.
import type { ReportFormat } from '../../formats/index.ts'
import type { AnnualReport } from '../../model.ts'
import type { ResolvedCheckOptions } from '../check-options.ts'
import type { Finding, Severity } from '../finding.ts'
import type { ReportValues } from '../report-values.ts'

export interface CheckContext {
  report: AnnualReport
  /** Present when the report's format is known. */
  values?: ReportValues
  format?: ReportFormat
  options: ResolvedCheckOptions
}

export interface PlausibilityCheck {
  id: string
  /** The usual severity; a check may report some findings at another severity (documented on the check). */
  severity: Severity
  description: string
  check(ctx: CheckContext): Finding[]
}

/** All section texts joined, with the title first (where years and periods are stated). */
export function reportProse(report: AnnualReport): string {
  return [report.title ?? '', ...Object.values(report.sections)].join('\n')
}
