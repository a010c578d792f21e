// An HTML <table> of an item body as a TableGrid the shared Word and PDF writers draw. Tables typed in by hand
// are often ragged (short rows, spans past the last row): they are evened out so the grid is always complete.
import { placeCells, type GridCell, type GridRow, type TableGrid } from '../../documents/index.ts'

/** The few facts about a parsed HTML node that this module reads (structural, like annual-report's DomNode). */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

const MAX_SPAN = 100

/** Text of a node and its descendants, blanks collapsed; line-breaking elements become a space. */
export function textOf(node: DomNode): string {
  const parts: string[] = []
  const visit = (n: DomNode): void => {
    if (n.type === 'text') parts.push(n.data ?? '')
    else if (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li') parts.push(' ')
    if (n.name === 'script' || n.name === 'style') return
    for (const c of n.children ?? []) visit(c)
  }
  visit(node)
  return parts
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1
}

interface RawCell {
  text: string
  header: boolean
  rowSpan: number
  colSpan: number
}

/** The rows of this table (through thead/tbody/tfoot), not those of tables nested in its cells. */
function tableRows(table: DomNode): RawCell[][] {
  const rows: RawCell[][] = []
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue
      if (child.name === 'tr') {
        const cells = (child.children ?? [])
          .filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
          .map((c) => ({
            text: textOf(c),
            header: c.name === 'th',
            rowSpan: span(c.attribs?.rowspan),
            colSpan: span(c.attribs?.colspan),
          }))
        if (cells.length > 0) rows.push(cells)
      } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
        visit(child)
      }
    }
  }
  visit(table)
  return rows
}

/** Display width of a text in half-width units (a CJK character counts two). */
function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}

/**
 * Places the cells as HTML does, clamps spans to the table, and fills every position no cell covers with an
 * empty cell, so that each row covers the full width.
 */
function evenOut(raw: RawCell[][]): { rows: GridRow[]; width: number; widths: number[] } {
  const occupied: boolean[][] = raw.map(() => [])
  const starts: { r: number; c: number; cell: RawCell }[] = []
  raw.forEach((cells, r) => {
    let c = 0
    for (const cell of cells) {
      while (occupied[r]?.[c] === true) c++
      const rowSpan = Math.min(cell.rowSpan, raw.length - r)
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = occupied[r + dr]
          if (line) line[c + dc] = true
        }
      }
      starts.push({ r, c, cell: { ...cell, rowSpan } })
      c += cell.colSpan
    }
  })
  const width = Math.max(1, ...occupied.map((line) => line.length))
  const rows: GridRow[] = raw.map((_, r) => {
    const cells: { c: number; cell: GridCell }[] = starts
      .filter((s) => s.r === r)
      .map((s) => ({ c: s.c, cell: gridCell(s.cell) }))
    for (let c = 0; c < width; c++) if (occupied[r]?.[c] !== true) cells.push({ c, cell: { text: '' } })
    cells.sort((a, b) => a.c - b.c)
    return { cells: cells.map((x) => x.cell) }
  })
  return { rows, width, widths: columnWidths(starts, width) }
}

// Text width of a full-width table in half-width units of 五号 type (156 mm ≈ 442 pt over 5.25 pt), less padding.
const TABLE_UNITS = 84
const PADDING_UNITS = 1.2
// A cell text up to this wide (two CJK characters: 总计, 其他; a four-digit number) should not wrap.
const NO_WRAP_UNITS = 4

/**
 * Relative column widths, as browsers lay out tables: every column gets the width of its short texts so that
 * 总计 or 其他 never break, and what is left of the page width goes to the columns in proportion to how much
 * longer their texts are (a column of 0s stays narrow, a column of row labels gets the room).
 */
function columnWidths(starts: readonly { c: number; cell: RawCell }[], width: number): number[] {
  const longest = new Array<number>(width).fill(1)
  for (const s of starts) {
    if (s.cell.colSpan !== 1) continue
    longest[s.c] = Math.max(longest[s.c] ?? 1, displayWidth(s.cell.text))
  }
  const min = longest.map((w) => Math.min(w, NO_WRAP_UNITS) + PADDING_UNITS)
  const max = longest.map((w) => Math.min(w, 40) + PADDING_UNITS)
  const spare = TABLE_UNITS - min.reduce((a, b) => a + b, 0)
  const wanted = max.reduce((a, b) => a + b, 0) - min.reduce((a, b) => a + b, 0)
  if (spare <= 0 || wanted <= 0) return min
  const share = Math.min(1, spare / wanted)
  return min.map((m, i) => m + ((max[i] ?? m) - m) * share)
}

function gridCell(cell: RawCell): GridCell {
  return {
    text: cell.text,
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.header ? { header: true } : {}),
    align: cell.header || displayWidth(cell.text) <= 12 ? 'center' : 'left',
  }
}

/** Leading rows of header cells only, none reaching below the header: repeated on each page. */
function headerRowCount(raw: RawCell[][]): number {
  let n = 0
  while (n < raw.length - 1 && (raw[n] ?? []).every((c) => c.header)) n++
  for (let r = 0; r < n; r++) if ((raw[r] ?? []).some((c) => r + c.rowSpan > n)) return 0
  return n
}

/** The grid of a <table> element; null for a table without cells. */
export function tableGrid(table: DomNode): TableGrid | null {
  const raw = tableRows(table)
  if (raw.length === 0) return null
  const caption = (table.children ?? []).find((c) => c.type === 'tag' && c.name === 'caption')
  const { rows, widths } = evenOut(raw)
  const grid: TableGrid = {
    caption: caption ? textOf(caption) : '',
    columnWidths: widths,
    headerRows: headerRowCount(raw),
    rows,
  }
  try {
    placeCells(grid)
    return grid
  } catch {
    // Not expected after evening out; a table the writers cannot draw is set as one cell per row instead.
    return {
      caption: grid.caption,
      columnWidths: [1],
      headerRows: 0,
      rows: raw.map((cells) => ({ cells: [{ text: cells.map((c) => c.text).join(' | '), align: 'left' }] })),
    }
  }
}
