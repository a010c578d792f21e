// The report builder's operations: the builder view (live tables, saved texts, findings, deadline),
// saving the texts, importing last year's published report, publication through the validation gate, and
// the standings of a supervising office's agencies.
export { buildReportView, getReportBuilder } from './operations/get-report-builder.ts'
export type { PreviousSource, ReportBuilderView, ReportVersion } from './operations/get-report-builder.ts'
export { saveReportDraft } from './operations/save-report-draft.ts'
export { importPreviousReport } from './operations/import-previous-report.ts'
export { listReportVersions, publishReport, versionJsonPath } from './operations/publish-report.ts'
export type { PublishOptions } from './operations/publish-report.ts'
export { findVersionJson } from './operations/find-version-json.ts'
export { DEFAULT_DEADLINE_RULES, reportDeadline, reportKindOf } from './deadline.ts'
export type { DeadlineRules, ReportDeadline } from './deadline.ts'
export { feeParagraph, summariseFees } from './fee-summary.ts'
export type { FeeSummary } from './fee-summary.ts'
export { canPublish, PUBLISH_RULES } from './publish.policy.ts'
export type { PublishAction } from './publish.policy.ts'
export { ReportKeySchema, PublishReportSchema, SaveReportDraftSchema } from './report-key.schema.ts'
export { getAggregationOverview } from './operations/get-aggregation-overview.ts'
export type { AgencyOverview, AggregationOverview } from './operations/get-aggregation-overview.ts'
