// PDF text geometry: the text items pdfjs reports (a string at a position) grouped into chunks (runs of text
// printed together) and lines (chunks sharing a vertical centre). Coordinates are points, y grows downwards,
// and `gy` orders lines across pages, so a table continued on the next page reads as one.
import { joinPieces, tightCjk } from './cjk-text.ts'

/** One text item as pdfjs reports it, in PDF user space (y grows upwards, baseline at `y`). */
export interface PdfTextItem {
  str: string
  x: number
  y: number
  width: number
  height: number
  /** Set for fonts in vertical writing mode: the text runs downwards from (x, y). */
  vertical: boolean
}

export interface PdfPage {
  width: number
  height: number
  items: PdfTextItem[]
}

/** A run of text printed as one piece: a cell's line, a number, a paragraph line. */
export interface Chunk {
  text: string
  left: number
  right: number
  top: number
  bottom: number
  /** Font size (em), used for every distance tolerance. */
  size: number
  /** Written top to bottom (a vertical font, or single characters stacked by the table reader). */
  vertical: boolean
  numeric: boolean
}

export interface Line {
  page: number
  /** Vertical centre on the document-wide axis (page index × PAGE_STRIDE + y on the page). */
  gy: number
  chunks: Chunk[]
  left: number
  right: number
  size: number
}

/** Distance between two pages on the document-wide y axis: more than any page is tall. */
export const PAGE_STRIDE = 100_000

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/
const PAGE_NUMBER = /^[-—–－\s]*\d{1,3}[-—–－\s]*$/

export function isNumberText(text: string): boolean {
  return NUMBER.test(text)
}

export function centre(chunk: Chunk): number {
  return (chunk.top + chunk.bottom) / 2
}

/** Horizontal overlap of two ranges, in points (negative when apart). */
export function overlap(a: { left: number; right: number }, b: { left: number; right: number }): number {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left)
}

/** Items of one page → chunks: neighbours on one baseline with a gap under half an em are one chunk. */
export function pageChunks(page: PdfPage, pageIndex: number): Chunk[] {
  const offset = pageIndex * PAGE_STRIDE
  const chunks: Chunk[] = []
  let last: Chunk | null = null
  for (const item of page.items) {
    if (item.str.trim() === '' || !Number.isFinite(item.x + item.y + item.width + item.height)) continue
    const chunk = toChunk(item, page.height, offset)
    if (last && continues(last, chunk)) {
      last.text += item.str
      last.right = Math.max(last.right, chunk.right)
      last.top = Math.min(last.top, chunk.top)
      last.bottom = Math.max(last.bottom, chunk.bottom)
      continue
    }
    chunks.push(chunk)
    last = chunk
  }
  for (const chunk of chunks) {
    chunk.text = tightCjk(chunk.text)
    chunk.numeric = isNumberText(chunk.text)
  }
  return chunks.filter((c) => c.text !== '')
}

function toChunk(item: PdfTextItem, pageHeight: number, offset: number): Chunk {
  if (item.vertical) {
    const size = Math.max(item.width, 1)
    const top = offset + pageHeight - item.y
    return {
      text: item.str,
      left: item.x - size / 2,
      right: item.x + size / 2,
      top,
      bottom: top + item.height,
      size,
      vertical: true,
      numeric: false,
    }
  }
  const size = Math.max(item.height, 1)
  // Baseline to box: about 0.8 em above the baseline and 0.2 em below it.
  const top = offset + pageHeight - item.y - 0.8 * size
  return {
    text: item.str,
    left: item.x,
    right: item.x + item.width,
    top,
    bottom: top + size,
    size,
    vertical: false,
    numeric: false,
  }
}

function continues(last: Chunk, next: Chunk): boolean {
  if (last.vertical || next.vertical) return false
  const size = Math.min(last.size, next.size)
  if (Math.abs(centre(last) - centre(next)) > 0.3 * size) return false
  const gap = next.left - last.right
  // Digits of two neighbouring table cells never belong together, however close the cells are.
  const bothNumbers = /\d\s*$/.test(last.text) && /^\s*\d/.test(next.text)
  return gap > -0.5 * size && gap < (bothNumbers ? 0.15 : 0.6) * size
}

/** Chunks → lines, top to bottom; a line's chunks are left to right. Page numbers are dropped. */
export function chunkLines(chunks: Chunk[], pageIndex: number, pageHeight: number): Line[] {
  const sorted = [...chunks].sort((a, b) => centre(a) - centre(b))
  const lines: Line[] = []
  for (const chunk of sorted) {
    const line = lines.at(-1)
    const tolerance = 0.5 * Math.min(chunk.size, line?.size ?? chunk.size)
    if (line && !chunk.vertical && Math.abs(line.gy - centre(chunk)) <= tolerance) {
      line.chunks.push(chunk)
      continue
    }
    lines.push({ page: pageIndex, gy: centre(chunk), chunks: [chunk], left: 0, right: 0, size: chunk.size })
  }
  for (const line of lines) {
    line.chunks.sort((a, b) => a.left - b.left)
    line.left = Math.min(...line.chunks.map((c) => c.left))
    line.right = Math.max(...line.chunks.map((c) => c.right))
    line.size = Math.min(...line.chunks.map((c) => c.size))
  }
  return lines.filter((line) => !isPageNumber(line, pageIndex, pageHeight))
}

function isPageNumber(line: Line, pageIndex: number, pageHeight: number): boolean {
  const y = line.gy - pageIndex * PAGE_STRIDE
  const inMargin = y < 0.1 * pageHeight || y > 0.88 * pageHeight
  return inMargin && line.chunks.length === 1 && PAGE_NUMBER.test(line.chunks[0]?.text ?? '')
}

/**
 * The text of a line: pieces printed close together join as one text; a wide gap (two em or more, as between
 * a label and its value, 索引号 … 014314799/2024-00002) stays a space so the two can be told apart.
 */
export function lineText(line: Line): string {
  let text = ''
  let previous: Chunk | null = null
  for (const chunk of line.chunks) {
    const gap = previous ? chunk.left - previous.right : 0
    text =
      previous && gap >= 2 * Math.min(chunk.size, previous.size)
        ? `${text} ${chunk.text}`
        : joinPieces(text, chunk.text)
    previous = chunk
  }
  return text
}
