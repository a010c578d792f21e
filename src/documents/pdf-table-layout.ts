// Sizing and pagination of a TableGrid for PDF: row heights from the text they hold, and page breaks that fall
// only between rows, never inside a block that must stay together.
import { placeCells, type PlacedCell, type TableGrid } from './table-grid.ts'

/** Measures the height of `text` set in a box `width` wide (pdfkit's `heightOfString` with the cell font). */
export type MeasureText = (text: string, width: number, small: boolean) => number

/** A table's geometry before it is drawn. */
export interface PdfTableLayout {
  placed: PlacedCell[]
  /** Left edge of each grid column, relative to the table's left edge, plus the right edge at the end. */
  columnEdges: number[]
  rowHeights: number[]
}

/** Column edges for a table `width` points wide. */
function edges(grid: TableGrid, width: number): number[] {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0)
  const result = [0]
  let x = 0
  for (const w of grid.columnWidths) {
    x += (w / total) * width
    result.push(x)
  }
  return result
}

/** The width of a placed cell. */
export function cellWidth(layout: PdfTableLayout, p: PlacedCell): number {
  return (layout.columnEdges[p.col + p.colSpan] ?? 0) - (layout.columnEdges[p.col] ?? 0)
}

/**
 * Row heights: each row is as tall as its tallest single-row cell; a merged cell that needs more room than its
 * rows give it spreads the difference evenly over those rows.
 */
export function layoutPdfTable(
  grid: TableGrid,
  width: number,
  options: { padding: number; minRowHeight: number; measure: MeasureText },
): PdfTableLayout {
  const placed = placeCells(grid)
  const layout: PdfTableLayout = { placed, columnEdges: edges(grid, width), rowHeights: [] }
  const heights = grid.rows.map(() => options.minRowHeight)
  const needed = (p: PlacedCell): number =>
    options.measure(p.cell.text, cellWidth(layout, p) - 2 * options.padding, p.cell.small === true) +
    2 * options.padding
  for (const p of placed) {
    if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row] ?? 0, needed(p))
  }
  for (const p of placed) {
    if (p.rowSpan === 1) continue
    const have = heights.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0)
    const deficit = needed(p) - have
    if (deficit > 0) {
      for (let r = p.row; r < p.row + p.rowSpan; r++) heights[r] = (heights[r] ?? 0) + deficit / p.rowSpan
    }
  }
  layout.rowHeights = heights
  return layout
}

/**
 * Rows after which a page may break: not inside the header, not after a row marked keep-with-next, and not
 * through a merged cell short enough to keep whole (a cell taller than `maxKeptSpan`, such as 表三's
 * 三、本年度办理结果 over 22 rows, may be split).
 */
export function breakableAfter(grid: TableGrid, layout: PdfTableLayout, maxKeptSpan: number): boolean[] {
  const result = grid.rows.map((row, r) => r >= grid.headerRows && row.keepWithNext !== true)
  // The first body row stays with the header.
  if (grid.headerRows > 0) result[grid.headerRows - 1] = false
  for (const p of layout.placed) {
    if (p.rowSpan === 1) continue
    const spanHeight = layout.rowHeights.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0)
    if (spanHeight > maxKeptSpan) continue
    for (let r = p.row; r < p.row + p.rowSpan - 1; r++) result[r] = false
  }
  return result
}

/** One page's share of a table: the body rows `from`..`to` (inclusive), after the repeated header if any. */
export interface PdfTablePageSlice {
  from: number
  to: number
  withHeader: boolean
  /** The slice starts a new page (every slice but possibly the first). */
  newPage: boolean
}

/**
 * Splits the body rows over pages. `firstSpace` is the room left on the current page, `pageSpace` the room on
 * a fresh page. A group of rows that cannot break is moved whole to the next page; only a group taller than a
 * whole page is broken between rows.
 */
export function paginateRows(
  grid: TableGrid,
  layout: PdfTableLayout,
  space: { first: number; page: number },
): PdfTablePageSlice[] {
  const canBreak = breakableAfter(grid, layout, space.page * 0.4)
  const header = layout.rowHeights.slice(0, grid.headerRows).reduce((a, b) => a + b, 0)
  const groups: { from: number; to: number; height: number }[] = []
  let start = 0
  for (let r = 0; r < grid.rows.length; r++) {
    if (canBreak[r] === true || r === grid.rows.length - 1) {
      const height = layout.rowHeights.slice(start, r + 1).reduce((a, b) => a + b, 0)
      groups.push({ from: start, to: r, height })
      start = r + 1
    }
  }
  const slices: PdfTablePageSlice[] = []
  let current: PdfTablePageSlice | null = null
  let room = space.first
  let onFreshPage = space.first >= space.page
  let newPage = false
  for (const group of groups) {
    for (const part of splitOversized(group, layout, space.page - header)) {
      if (part.height > room && !onFreshPage) {
        if (current) slices.push(current)
        const continuing = slices.length > 0
        current = null
        newPage = true
        room = space.page - (continuing ? header : 0)
      }
      if (!current) {
        current = {
          from: part.from,
          to: part.to,
          withHeader: slices.length > 0 && grid.headerRows > 0,
          newPage,
        }
        newPage = false
      } else current.to = part.to
      room -= part.height
      onFreshPage = false
    }
  }
  if (current) slices.push(current)
  return slices
}

/** A group taller than a page is cut into runs of whole rows that each fit. */
function splitOversized(
  group: { from: number; to: number; height: number },
  layout: PdfTableLayout,
  limit: number,
): { from: number; to: number; height: number }[] {
  if (group.height <= limit) return [group]
  const parts: { from: number; to: number; height: number }[] = []
  let from = group.from
  let height = 0
  for (let r = group.from; r <= group.to; r++) {
    const h = layout.rowHeights[r] ?? 0
    if (height > 0 && height + h > limit) {
      parts.push({ from, to: r - 1, height })
      from = r
      height = 0
    }
    height += h
  }
  parts.push({ from, to: group.to, height })
  return parts
}
