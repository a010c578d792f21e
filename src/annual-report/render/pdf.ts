// The report as PDF: 公文 page (GB/T 9704), embedded Noto Serif SC (subset), tables with merged cells that
// break only between rows and repeat their header rows, and page numbers.
import {
  PDF_FONT,
  TYPE_SIZE_PT,
  bodyLinePitchPt,
  createGongwenPdf,
  drawPdfTable,
  GONGWEN_A4,
  type GongwenPdf,
} from '../../documents/index.ts'
import type { AnnualReport } from '../model.ts'
import { reportLayout } from './report-layout.ts'

const BODY_SIZE = TYPE_SIZE_PT.三号
// Exact 公文 line pitch (22 lines per page) less the font's own line height gives pdfkit's line gap.
const BODY_LINE_GAP = bodyLinePitchPt(GONGWEN_A4) - BODY_SIZE * 1.32

// Room between the prose above a table and its top rule, so the two never read as one block.
const TABLE_GAP = BODY_SIZE * 0.75

// Height of a table's first rows (a 表二 block, or 表三's header and first rows) kept with the text above it.
const TABLE_START_ROOM = 150

/** Starts a new page when fewer than `needed` points remain in the text area. */
function ensureRoom(pdf: GongwenPdf, needed: number): void {
  if (pdf.doc.y + needed > pdf.area.bottom) pdf.addPage()
}

function writeTitle(pdf: GongwenPdf, title: string): void {
  pdf.doc.font(PDF_FONT.bold).fontSize(TYPE_SIZE_PT.二号)
  pdf.doc.text(title, pdf.area.left, pdf.doc.y, { width: pdf.area.width, align: 'center', lineGap: 6 })
  pdf.doc.moveDown(0.8)
}

function writeParagraph(
  pdf: GongwenPdf,
  text: string,
  options: { bold?: boolean; size?: number } = {},
): void {
  const size = options.size ?? BODY_SIZE
  pdf.doc.font(options.bold === true ? PDF_FONT.bold : PDF_FONT.regular).fontSize(size)
  // GB/T 9704 §7: each paragraph starts two characters in.
  pdf.doc.text(text, pdf.area.left, pdf.doc.y, {
    width: pdf.area.width,
    indent: size * 2,
    lineGap: Math.max(0, BODY_LINE_GAP),
    align: 'justify',
  })
}

/** Renders the report as a PDF file. */
export async function renderPdf(report: AnnualReport): Promise<Buffer> {
  const layout = reportLayout(report)
  const pdf = createGongwenPdf({ title: layout.title, author: report.agency ?? undefined })
  writeTitle(pdf, layout.title)
  for (const m of layout.metadata) writeParagraph(pdf, `${m.label}: ${m.value}`, { size: TYPE_SIZE_PT.小四 })
  for (const section of layout.sections) {
    // A heading never sits alone at the foot of a page; a table section's heading and short prose (…见下表。)
    // move with the table's first rows.
    ensureRoom(pdf, BODY_SIZE * 5)
    if (section.table && section.paragraphs.length <= 2) {
      pdf.doc.font(PDF_FONT.regular).fontSize(BODY_SIZE)
      const prose = section.paragraphs.reduce(
        (h, p) => h + pdf.doc.heightOfString(p, { width: pdf.area.width }),
        0,
      )
      ensureRoom(pdf, BODY_SIZE * 2 + prose + TABLE_START_ROOM)
    }
    writeParagraph(pdf, section.heading, { bold: true })
    for (const p of section.paragraphs) writeParagraph(pdf, p)
    if (section.table) {
      const y = drawPdfTable(pdf.doc, section.table, pdf.doc.y + TABLE_GAP, {
        x: pdf.area.left,
        width: pdf.area.width,
        pageTop: pdf.area.top,
        pageBottom: pdf.area.bottom,
        font: PDF_FONT.regular,
        fontSizePt: TYPE_SIZE_PT.五号,
        addPage: pdf.addPage,
      })
      pdf.doc.x = pdf.area.left
      pdf.doc.y = y + BODY_SIZE
    }
  }
  return pdf.finish()
}
