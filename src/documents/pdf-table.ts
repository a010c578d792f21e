// Draws a TableGrid into a pdfkit document: ruled cells, merged cells, page breaks only between rows, and the
// header rows repeated at the top of every continuation page.
import {
  cellWidth,
  layoutPdfTable,
  paginateRows,
  type PdfTableLayout,
  type PdfTablePageSlice,
} from './pdf-table-layout.ts'
import type PDFKitDocument from 'pdfkit'
import type { PlacedCell, TableGrid } from './table-grid.ts'

/** A pdfkit document (the module's default export is typed as the instance). */
export type PdfDocument = typeof PDFKitDocument

/** Where and how a table is drawn. */
export interface PdfTableOptions {
  /** Left edge and width of the table in points. */
  x: number
  width: number
  /** Top and bottom of the text area on every page, in points from the page top. */
  pageTop: number
  pageBottom: number
  /** Registered pdfkit font name and size for cell text. */
  font: string
  fontSizePt: number
  /** Adds a page and prepares it (page number, fonts): called before every continuation page. */
  addPage: () => void
}

const PADDING = 3
const LINE_GAP = 1

// Smallest size a number is shrunk to so that it stays on one line.
const MIN_FIT_SIZE = 6

/**
 * The type size for a cell's text: a number or other unbreakable word wider than its cell (517645 in a
 * two-character value column) is set smaller to stay on one line rather than break between digits.
 */
function fittedSize(doc: PdfDocument, text: string, width: number, size: number): number {
  if (/[\s\u3000-\u9fff\uff00-\uffef]/.test(text)) return size
  const natural = doc.fontSize(size).widthOfString(text)
  return natural <= width ? size : Math.max(MIN_FIT_SIZE, Math.floor((size * width * 10) / natural) / 10)
}

/** The rows of a page slice, with the header first when it is repeated. */
function sliceRows(grid: TableGrid, slice: PdfTablePageSlice): number[] {
  const rows: number[] = []
  if (slice.withHeader) for (let r = 0; r < grid.headerRows; r++) rows.push(r)
  for (let r = slice.from; r <= slice.to; r++) rows.push(r)
  return rows
}

/** Top of every listed row on the page, from `top`. */
function rowTops(rows: readonly number[], layout: PdfTableLayout, top: number): Map<number, number> {
  const tops = new Map<number, number>()
  let y = top
  for (const r of rows) {
    tops.set(r, y)
    y += layout.rowHeights[r] ?? 0
  }
  return tops
}

/**
 * The part of a cell on a page: from its first to its last row present there. A merged cell split by a page
 * break shows its frame on both pages and its text once, in the taller part (Word does the same).
 */
interface CellPart {
  placed: PlacedCell
  top: number
  height: number
}

function cellParts(layout: PdfTableLayout, rows: readonly number[], tops: Map<number, number>): CellPart[] {
  const present = new Set(rows)
  const parts: CellPart[] = []
  for (const placed of layout.placed) {
    const covered: number[] = []
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) if (present.has(r)) covered.push(r)
    const first = covered[0]
    if (first === undefined) continue
    const top = tops.get(first) ?? 0
    const height = covered.reduce((sum, r) => sum + (layout.rowHeights[r] ?? 0), 0)
    parts.push({ placed, top, height })
  }
  return parts
}

/**
 * Draws `grid` starting at `y` on the current page and returns the y below it (on the last page used).
 * Assumes the document's fonts are registered; draws text in the reading order of the rows.
 */
export function drawPdfTable(doc: PdfDocument, grid: TableGrid, y: number, options: PdfTableOptions): number {
  doc.font(options.font)
  const small = options.fontSizePt - 1.5
  const layout = layoutPdfTable(grid, options.width, {
    padding: PADDING,
    minRowHeight: options.fontSizePt * 1.9,
    measure: (text, width, isSmall) => {
      const size = fittedSize(doc, text, width, isSmall ? small : options.fontSizePt)
      return doc.fontSize(size).heightOfString(text || ' ', { width, lineGap: LINE_GAP })
    },
  })
  const slices = paginateRows(grid, layout, {
    first: options.pageBottom - y,
    page: options.pageBottom - options.pageTop,
  })
  // Text of a split merged cell goes into its tallest part; find that part over all pages first.
  const pages = slices.map((slice, i) => {
    const rows = sliceRows(grid, slice)
    const top = slice.newPage || i > 0 ? options.pageTop : y
    const tops = rowTops(rows, layout, top)
    return {
      slice,
      rows,
      parts: cellParts(layout, rows, tops),
      bottom: top + rows.reduce((s, r) => s + (layout.rowHeights[r] ?? 0), 0),
    }
  })
  const textPart = new Map<PlacedCell, CellPart>()
  for (const page of pages) {
    for (const part of page.parts) {
      const best = textPart.get(part.placed)
      if (!best || part.height > best.height + 0.01) textPart.set(part.placed, part)
    }
  }
  let bottom = y
  for (const page of pages) {
    if (page.slice.newPage) options.addPage()
    drawPage(doc, page.parts, layout, { ...options, small, headerRows: grid.headerRows, textPart })
    bottom = page.bottom
  }
  return bottom
}

function drawPage(
  doc: PdfDocument,
  parts: readonly CellPart[],
  layout: PdfTableLayout,
  options: PdfTableOptions & { small: number; headerRows: number; textPart: Map<PlacedCell, CellPart> },
): void {
  doc.lineWidth(0.6).strokeColor('#000000')
  for (const part of parts) {
    const x = options.x + (layout.columnEdges[part.placed.col] ?? 0)
    doc.rect(x, part.top, cellWidth(layout, part.placed), part.height).stroke()
  }
  doc.font(options.font).fillColor('#000000')
  // Row by row, left to right, so text extraction reads the table in order.
  const ordered = [...parts].sort((a, b) => a.top - b.top || a.placed.col - b.placed.col)
  for (const part of ordered) {
    // Repeated header rows carry their text on every page; a split body cell only in its tallest part.
    const isHeader = part.placed.row < options.headerRows
    if ((!isHeader && options.textPart.get(part.placed) !== part) || part.placed.cell.text === '') continue
    const { cell } = part.placed
    const width = cellWidth(layout, part.placed) - 2 * PADDING
    doc.fontSize(fittedSize(doc, cell.text, width, cell.small === true ? options.small : options.fontSizePt))
    const textHeight = doc.heightOfString(cell.text, { width, lineGap: LINE_GAP })
    const x = options.x + (layout.columnEdges[part.placed.col] ?? 0) + PADDING
    const top = part.top + Math.max(PADDING, (part.height - textHeight) / 2)
    doc.text(cell.text, x, top, { width, align: cell.align ?? 'center', lineGap: LINE_GAP })
  }
}
