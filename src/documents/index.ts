/**
 * Shared building blocks for generated documents (annual reports, article downloads, reply letters):
 * 公文 page geometry per GB/T 9704, fonts, and tables with merged cells for HTML, Word and PDF.
 */

/** Page geometry, unit conversions and type sizes of GB/T 9704 (党政机关公文格式). */
export {
  GONGWEN_A4,
  GONGWEN_LINES_PER_PAGE,
  TYPE_SIZE_PT,
  bodyLinePitchPt,
  mmToPt,
  mmToTwip,
  pageNumberSide,
  pageNumberText,
  ptToHalfPoints,
  textHeightMm,
  textWidthMm,
  type PageGeometry,
} from './page-setup.ts'

/** Font stacks for Word and HTML, and the CJK font bytes embedded in PDFs (read once per process). */
export {
  BODY_FONT,
  HEADING_FONT,
  LATIN_FONT,
  TABLE_FONT,
  TITLE_FONT,
  cssFontFamily,
  pdfFont,
  pdfFontBytes,
  primaryFamily,
  type FontStack,
  type ParsedFont,
  type PdfFontWeight,
} from './fonts.ts'

/** A table as a grid of merged cells, the one description every writer draws. */
export {
  placeCells,
  type CellAlign,
  type GridCell,
  type GridRow,
  type PlacedCell,
  type TableGrid,
} from './table-grid.ts'

/** Word: 公文 section setup, title/heading/body paragraphs, and tables with gridSpan/vMerge. */
export {
  DOCX_TABLE_TEXT_STYLE,
  bodyParagraphs,
  docxTextWidthTwip,
  gongwenSection,
  gongwenStyles,
  headingParagraph,
  titleParagraph,
} from './docx-document.ts'
export { docxTable, type DocxTableOptions } from './docx-table.ts'
export { gongwenFontTable, type DocxPackageFile } from './docx-font-table.ts'

/** PDF: a 公文 page with embedded font and page numbers, and tables drawn without splitting a row. */
export { PDF_FONT, createGongwenPdf, type GongwenPdf, type PdfTextArea } from './pdf-document.ts'
export { drawPdfTable, type PdfDocument, type PdfTableOptions } from './pdf-table.ts'
