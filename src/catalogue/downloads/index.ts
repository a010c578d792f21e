/**
 * 【下载Word】【下载PDF】 of a published item: Word and PDF files with the title, the metadata table and the
 * body, on the 公文 page with the CJK font embedded in the PDF.
 */
export { renderItemDocx } from './docx.ts'
export { renderItemPdf } from './pdf.ts'
export type { ItemDocument, ItemMetadataEntry } from './item-document.ts'
