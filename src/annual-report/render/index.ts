/**
 * Renderers of the annual report: one per output format over the same model and the same table layout
 * (merged cells as in the national template).
 */

/** HTML fragment or standalone page with accessible tables. */
export { renderHtml, type RenderHtmlOptions } from './html.ts'
/** Flattened text, one cell per line, as a report page copied as text reads. */
export { renderText } from './text.ts'
/** Word document with 公文 typography and merged-cell tables. */
export { renderDocx } from './docx.ts'
/** PDF with embedded CJK font, extractable text, tables that break between rows, page numbers. */
export { renderPdf } from './pdf.ts'
/** Stable, key-sorted JSON. */
export { renderJson } from './json.ts'
/** The shared outline (title, sections, table grids) the renderers draw. */
export { reportLayout, reportTitle, type ReportLayout, type SectionLayout } from './report-layout.ts'
