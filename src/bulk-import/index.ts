/**
 * Bulk import (`gongkai import items|applications`): JSONL/CSV files validated row by row with the same rules
 * as the console, written in atomic batches with a checkpoint per input file (resumable after a kill, never
 * duplicating), rejected rows with their reasons in FILE.rejected.jsonl.
 */
export { importItems } from './operations/import-items.ts'
export type { ImportItemsInput, ImportItemsResult, ImportProgress } from './operations/import-items.ts'
export { checkItemRow } from './item-row.ts'
export { detectEncoding, splitCsv } from './read-records.ts'
export { ProgressLine } from './progress.ts'
export { importApplications } from './operations/import-applications.ts'
export type { ImportApplicationsInput } from './operations/import-applications.ts'
