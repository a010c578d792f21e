// Which lines of a PDF are a table and which are prose. A table region grows around lines that hold numbers set
// apart from their label ("规章   0   0   0"), takes in the caption and header lines above them, and stops at a
// section heading or a full-width paragraph line, on whichever page that comes.
import { joinPieces } from './cjk-text.ts'
import { lineText, type Line } from './pdf-geometry.ts'

export type Region = { kind: 'table'; lines: Line[] } | { kind: 'text'; lines: Line[] }

const SECTION_HEADING = /^[一二三四五六七八九十]+、\S{3,}/
/** A line at least this share of the page's text width, in one piece, is prose. */
const PARAGRAPH_WIDTH = 0.6

/** A line holding a number that stands apart from the text before it, or several numbers. */
export function isDataLine(line: Line): boolean {
  const numbers = line.chunks.filter((c) => c.numeric)
  if (numbers.length === 0 || line.chunks.length < 2) return false
  return line.chunks.some((c, i) => {
    if (!c.numeric || i === 0) return c.numeric && i === 0 && numbers.length >= 2
    const before = line.chunks[i - 1]
    return before !== undefined && c.left - before.right >= 1.5 * Math.min(c.size, before.size)
  })
}

function largestGap(line: Line): number {
  let gap = 0
  for (let i = 1; i < line.chunks.length; i++) {
    const a = line.chunks[i - 1]
    const b = line.chunks[i]
    if (a && b) gap = Math.max(gap, b.left - a.right)
  }
  return gap
}

interface PageWidths {
  left: number
  right: number
}

function pageWidths(lines: Line[]): Map<number, PageWidths> {
  const widths = new Map<number, PageWidths>()
  for (const line of lines) {
    const w = widths.get(line.page) ?? { left: line.left, right: line.right }
    widths.set(line.page, { left: Math.min(w.left, line.left), right: Math.max(w.right, line.right) })
  }
  return widths
}

/** Splits the document's lines into table regions and prose regions, in reading order. */
export function splitRegions(lines: Line[]): Region[] {
  const widths = pageWidths(lines)
  // Prose: a section heading, or a wide line whose pieces sit close together (justified text may come in
  // several pieces; a table's header line is as wide but has wide gaps between its cells).
  const isProse = (line: Line): boolean => {
    if (isDataLine(line)) return false
    const first = line.chunks[0]?.text ?? ''
    if (line.chunks.length === 1 && SECTION_HEADING.test(first)) return true
    // A sentence of its own (a section's lead, 主动公开政府信息情况见下表。): table cells do not end in 。
    if (line.chunks.length === 1 && first.endsWith('。')) return true
    const w = widths.get(line.page)
    const wide = w !== undefined && line.right - line.left >= PARAGRAPH_WIDTH * (w.right - w.left)
    return wide && largestGap(line) < 2 * line.size
  }
  const inTable = lines.map(() => false)
  let floor = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line || !isDataLine(line)) continue
    let start = i
    while (start - 1 >= floor && !isProse(lines[start - 1] as Line)) start--
    let end = i
    while (end + 1 < lines.length && !isProse(lines[end + 1] as Line)) end++
    // Trailing lines after the last number belong to the prose that follows, unless numbers come again.
    while (end > i && !isDataLine(lines[end] as Line)) end--
    for (let k = start; k <= end; k++) inTable[k] = true
    floor = end + 1
    i = end
  }
  const regions: Region[] = []
  lines.forEach((line, i) => {
    const kind = inTable[i] ? 'table' : 'text'
    const last = regions.at(-1)
    if (last?.kind === kind) last.lines.push(line)
    else regions.push({ kind, lines: [line] })
  })
  return regions
}

/**
 * Prose lines → paragraphs: a line continues the paragraph above when that one ran to the right margin and
 * this one is not indented; consecutive large-type lines (a two-line title) join too.
 */
export function paragraphs(lines: Line[], bodySize: number): string[] {
  const widths = pageWidths(lines)
  const result: string[] = []
  let previous: Line | null = null
  for (const line of lines) {
    const text = lineText(line)
    if (previous && continuesParagraph(previous, line, widths, bodySize)) {
      result[result.length - 1] = joinPieces(result.at(-1) ?? '', text)
    } else {
      result.push(text)
    }
    previous = line
  }
  return result
}

function continuesParagraph(
  previous: Line,
  line: Line,
  widths: Map<number, PageWidths>,
  bodySize: number,
): boolean {
  const sameSize = Math.abs(previous.size - line.size) <= 0.1 * line.size
  if (!sameSize) return false
  // A label-and-value line (索引号 … 014314799/2024-00002) is a line of its own, not wrapped prose.
  if (largestGap(previous) >= 2 * previous.size || largestGap(line) >= 2 * line.size) return false
  const isTitle = line.size >= 1.15 * bodySize
  if (isTitle) return line.page === previous.page
  const first = line.chunks[0]?.text ?? ''
  if (SECTION_HEADING.test(first) || /^（[一二三四五六七八九十]+）/.test(first)) return false
  const w = widths.get(previous.page)
  const wl = widths.get(line.page)
  if (!w || !wl) return false
  const full = previous.right >= w.right - 1.5 * previous.size
  const indented = line.left > wl.left + 1.2 * line.size
  return full && !indented
}
