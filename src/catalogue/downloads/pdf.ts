// 【下载PDF】: the item as a PDF on the 公文 page (GB/T 9704) with the Noto Serif SC font embedded: title,
// metadata table, body with headings, paragraphs, lists and tables, and the source line.
import {
  GONGWEN_A4,
  PDF_FONT,
  TYPE_SIZE_PT,
  bodyLinePitchPt,
  createGongwenPdf,
  drawPdfTable,
  type GongwenPdf,
  type TableGrid,
} from '../../documents/index.ts'
import { bodyBlocks, type BodyBlock, type TextRun } from './body-blocks.ts'
import type { ItemDocument } from './item-document.ts'
import { metadataGrid } from './metadata-grid.ts'
import { sourceLine } from './source-line.ts'

const BODY_SIZE = TYPE_SIZE_PT.三号
// Exact 公文 line pitch (22 lines per page) less the font's own line height gives pdfkit's line gap.
const BODY_LINE_GAP = Math.max(0, bodyLinePitchPt(GONGWEN_A4) - BODY_SIZE * 1.32)
const TABLE_GAP = BODY_SIZE * 0.75

/** Starts a new page when fewer than `needed` points remain in the text area. */
function ensureRoom(pdf: GongwenPdf, needed: number): void {
  if (pdf.doc.y + needed > pdf.area.bottom) pdf.addPage()
}

function writeTitle(pdf: GongwenPdf, title: string): void {
  pdf.doc.font(PDF_FONT.bold).fontSize(TYPE_SIZE_PT.二号)
  pdf.doc.text(title, pdf.area.left, pdf.doc.y, { width: pdf.area.width, align: 'center', lineGap: 6 })
  pdf.doc.moveDown(0.8)
}

/** Writes styled runs as one paragraph; pdfkit continues the line across font changes with `continued`. */
function writeRuns(
  pdf: GongwenPdf,
  runs: readonly TextRun[],
  layout: { left: number; width: number; indent: number; bold?: boolean },
): void {
  const { doc } = pdf
  runs.forEach((run, i) => {
    doc.font(run.bold === true || layout.bold === true ? PDF_FONT.bold : PDF_FONT.regular).fontSize(BODY_SIZE)
    const options = {
      width: layout.width,
      indent: layout.indent,
      lineGap: BODY_LINE_GAP,
      // pdfkit justifies by stretching spaces only: CJK lines have none, Latin words would be pulled apart.
      align: 'left' as const,
      continued: i < runs.length - 1,
      underline: run.underline === true || run.href !== undefined,
      ...(run.href === undefined ? {} : { link: run.href }),
    }
    if (i === 0) doc.text(run.text, layout.left, doc.y, options)
    else doc.text(run.text, options)
  })
  doc.x = pdf.area.left
}

function writeTable(pdf: GongwenPdf, grid: TableGrid): void {
  ensureRoom(pdf, BODY_SIZE * 4)
  if (grid.caption !== '') {
    pdf.doc.font(PDF_FONT.regular).fontSize(TYPE_SIZE_PT.四号)
    pdf.doc.text(grid.caption, pdf.area.left, pdf.doc.y, { width: pdf.area.width, align: 'center' })
  }
  const bottom = drawPdfTable(pdf.doc, grid, pdf.doc.y + TABLE_GAP / 2, {
    x: pdf.area.left,
    width: pdf.area.width,
    pageTop: pdf.area.top,
    pageBottom: pdf.area.bottom,
    font: PDF_FONT.regular,
    fontSizePt: TYPE_SIZE_PT.五号,
    addPage: pdf.addPage,
  })
  pdf.doc.x = pdf.area.left
  pdf.doc.y = bottom + TABLE_GAP
}

function writeBlock(pdf: GongwenPdf, block: BodyBlock): void {
  const { area } = pdf
  if (block.kind === 'table') {
    writeTable(pdf, block.grid)
  } else if (block.kind === 'heading') {
    // A heading never sits alone at the foot of a page.
    ensureRoom(pdf, BODY_SIZE * 4)
    writeRuns(pdf, [{ text: block.text }], {
      left: area.left,
      width: area.width,
      indent: BODY_SIZE * 2,
      bold: true,
    })
  } else if (block.list) {
    const left = area.left + BODY_SIZE * 2 * (block.list.depth + 1)
    const runs = [{ text: `${block.list.marker} ` }, ...block.runs]
    writeRuns(pdf, runs, { left, width: area.left + area.width - left, indent: 0 })
  } else {
    writeRuns(pdf, block.runs, { left: area.left, width: area.width, indent: BODY_SIZE * 2 })
  }
}

/** Renders a published item as a PDF file. */
export async function renderItemPdf(item: ItemDocument): Promise<Buffer> {
  const pdf = createGongwenPdf({ title: item.title, author: item.agencyName })
  writeTitle(pdf, item.title)
  const metadata = metadataGrid(item.metadata)
  if (metadata) writeTable(pdf, metadata)
  for (const block of bodyBlocks(item.bodyHtml)) writeBlock(pdf, block)
  pdf.doc.moveDown(1)
  ensureRoom(pdf, BODY_SIZE * 2)
  pdf.doc.font(PDF_FONT.regular).fontSize(TYPE_SIZE_PT.五号)
  pdf.doc.text(sourceLine(item), pdf.area.left, pdf.doc.y, { width: pdf.area.width, align: 'left' })
  return pdf.finish()
}
