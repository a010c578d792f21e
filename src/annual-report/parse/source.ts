/**
 * What every input kind is reduced to before the report is read from it: prose and tables in reading order.
 * Extractors (text, HTML, DOCX, PDF) produce these blocks; `mapReport` (map-report.ts) reads the report out of
 * them by matching labels from the format definitions, so no extractor knows a single label.
 */

/**
 * One block of a source document.
 * - `text`: a line or paragraph of prose, or (for flattened text) one cell of a table copied as one line.
 * - `table`: a table as a grid. Merged cells are expanded: a cell spanning several rows or columns repeats its
 *   text in every position it covers. An empty cell is `''` (blank, distinct from an explicit `0`).
 */
export type SourceBlock = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] }

/** The kinds of input a parser recognises. */
export type InputKind = 'text' | 'html' | 'markdown' | 'docx' | 'pdf'
