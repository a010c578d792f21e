// The computed report: live data → the report model, drill-down, hand-entered 表二 figures, aggregation.
export {
  computeAnnualReport,
  computeReportFor,
  ComputeAnnualReportSchema,
  resolveConventions,
} from './operations/compute-annual-report.ts'
export type { ComputeAnnualReportInput, ComputedReport } from './operations/compute-annual-report.ts'
export { drillDownCell, DrillDownCellSchema } from './operations/drill-down-cell.ts'
export type { CellRecords, DrillDownCellInput } from './operations/drill-down-cell.ts'
export {
  importManualFiguresCsv,
  ImportManualFiguresSchema,
  saveManualFigures,
  SaveManualFiguresSchema,
} from './operations/save-manual-figures.ts'
export type { ImportManualFiguresInput, SaveManualFiguresInput } from './operations/save-manual-figures.ts'
export {
  aggregateReports,
  aggregateReportsFor,
  AggregateReportsSchema,
} from './operations/aggregate-reports.ts'
export type {
  AggregatedReports,
  AggregateReportsInput,
  AgencyStanding,
} from './operations/aggregate-reports.ts'
export { DEFAULT_CONVENTIONS, describeConventions } from './conventions.ts'
export type { CountingConventions } from './conventions.ts'
export { manualCells } from './build-tables.ts'
export { readFiguresCsv } from './manual-figures.ts'
export type { ManualFigure } from './manual-figures.ts'
export { REPORT_RULES, canReport } from './report.policy.ts'
export type { ReportAction } from './report.policy.ts'
export type { BalanceBreaker } from './t3.queries.ts'
