// A pdfkit document set up as a 公文 page (GB/T 9704): A4, 版心 margins, embedded CJK font, page numbers.
import PDFDocument from 'pdfkit'
import { pdfFont, type ParsedFont } from './fonts.ts'
import { GONGWEN_A4, mmToPt, pageNumberSide, pageNumberText, type PageGeometry } from './page-setup.ts'
import type { PdfDocument } from './pdf-table.ts'

/** Registered font names inside a document made by `createGongwenPdf`. */
export const PDF_FONT = { regular: 'gongwen-serif', bold: 'gongwen-serif-bold' } as const

/** The text area of a page in points. */
export interface PdfTextArea {
  left: number
  top: number
  width: number
  bottom: number
}

/** A document in progress and how to finish it. */
export interface GongwenPdf {
  doc: PdfDocument
  area: PdfTextArea
  /** Adds a page and moves to the top of its text area. */
  addPage: () => void
  /** Numbers the pages, ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>
}

function textArea(page: PageGeometry): PdfTextArea {
  return {
    left: mmToPt(page.marginLeftMm),
    top: mmToPt(page.marginTopMm),
    width: mmToPt(page.widthMm - page.marginLeftMm - page.marginRightMm),
    bottom: mmToPt(page.heightMm - page.marginBottomMm),
  }
}

/**
 * Registers a font parsed once per process. pdfkit 0.20 takes a fontkit font where it takes bytes
 * (`PDFFontFactory.open`), but @types/pdfkit only lists the byte and path forms, hence the widened signature.
 */
function registerParsedFont(doc: PdfDocument, name: string, font: ParsedFont): void {
  const register = doc.registerFont.bind(doc) as unknown as (name: string, src: ParsedFont) => PdfDocument
  register(name, font)
}

/** GB/T 9704 §7.5: `— N —` in 四号 type under the text area, outer side, one character in from its edge. */
function drawPageNumber(doc: PdfDocument, area: PdfTextArea, page: PageGeometry, n: number): void {
  const size = 14
  const text = pageNumberText(n)
  const { x, y } = { x: doc.x, y: doc.y }
  const savedBottom = doc.page.margins.bottom
  // pdfkit starts a new page when text is written below the bottom margin; lift the margin while drawing.
  doc.page.margins.bottom = 0
  doc.font(PDF_FONT.regular).fontSize(size)
  const width = doc.widthOfString(text)
  const side = pageNumberSide(n)
  const left = side === 'right' ? area.left + area.width - size - width : area.left + size
  const baselineOffset = mmToPt(page.pageNumberBelowTextMm)
  doc.text(text, left, area.bottom + baselineOffset - size, { lineBreak: false })
  doc.page.margins.bottom = savedBottom
  doc.x = x
  doc.y = y
}

/**
 * Starts a PDF with the 公文 page geometry, the Noto Serif SC font embedded (subset) in regular and bold, and
 * page numbers on every page. Metadata carries the title and author so readers and search engines show them.
 */
export function createGongwenPdf(
  info: { title: string; author?: string },
  page: PageGeometry = GONGWEN_A4,
): GongwenPdf {
  const area = textArea(page)
  const doc = new PDFDocument({
    size: [mmToPt(page.widthMm), mmToPt(page.heightMm)],
    margins: {
      top: area.top,
      left: area.left,
      right: mmToPt(page.marginRightMm),
      bottom: mmToPt(page.marginBottomMm),
    },
    autoFirstPage: false,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: info.title, Author: info.author ?? '', Creator: 'Gongkai 公开' },
  })
  registerParsedFont(doc, PDF_FONT.regular, pdfFont('regular'))
  registerParsedFont(doc, PDF_FONT.bold, pdfFont('bold'))
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const addPage = (): void => {
    doc.addPage()
    doc.x = area.left
    doc.y = area.top
  }
  addPage()
  return {
    doc,
    area,
    addPage,
    finish: () => {
      // Numbers go on at the end, over every page, including those pdfkit added by itself when a paragraph
      // ran over the page end (drawing them then would change the font mid-paragraph).
      const range = doc.bufferedPageRange()
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i)
        drawPageNumber(doc, area, page, i + 1)
      }
      doc.end()
      return ended
    },
  }
}
