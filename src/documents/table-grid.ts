// A table as a grid of possibly merged cells: the one description that the HTML, DOCX, PDF and text writers
// all draw, so a merged-cell layout is written once.

/** Horizontal alignment of a cell's text. */
export type CellAlign = 'left' | 'center' | 'right'

/** One cell, listed in the row where it starts (like HTML: positions covered by a span are not listed). */
export interface GridCell {
  /** Text as printed; '' for an empty cell. Line breaks are not significant. */
  text: string
  /** Rows covered, 1 when absent. */
  rowSpan?: number
  /** Columns covered, 1 when absent. */
  colSpan?: number
  /** A header cell (column, row or group label) rather than data. */
  header?: boolean
  /** What a header cell labels, for accessible HTML (`<th scope>`). */
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup'
  /** Stable id of a header cell, unique within the grid; data cells point at it through `headers`. */
  id?: string
  /** Ids of the header cells that label this data cell. */
  headers?: readonly string[]
  align?: CellAlign
  /** Smaller type, e.g. a note printed in a corner cell. */
  small?: boolean
}

/** A row of the grid. */
export interface GridRow {
  cells: readonly GridCell[]
  /** Keep this row on the same page as the next one (block captions and header rows). */
  keepWithNext?: boolean
}

/** A whole table. */
export interface TableGrid {
  /** Caption (title) of the table. */
  caption: string
  /** Relative column widths; their count is the number of grid columns. */
  columnWidths: readonly number[]
  /** The first `headerRows` rows are the header: repeated on every page a table runs over. */
  headerRows: number
  rows: readonly GridRow[]
}

/** A cell with the grid position it starts at. */
export interface PlacedCell {
  cell: GridCell
  row: number
  col: number
  rowSpan: number
  colSpan: number
}

/**
 * Positions every cell on the grid, filling each row left to right around the cells that reach down into it
 * from above (the HTML table model). Throws when a row does not fill exactly the grid's width, because that is
 * a bug in the layout that built it, never an input problem.
 */
export function placeCells(grid: TableGrid): PlacedCell[] {
  const width = grid.columnWidths.length
  const occupied: boolean[][] = grid.rows.map(() => new Array<boolean>(width).fill(false))
  const placed: PlacedCell[] = []
  grid.rows.forEach((row, r) => {
    let col = 0
    for (const cell of row.cells) {
      while (col < width && occupied[r]?.[col]) col++
      const rowSpan = cell.rowSpan ?? 1
      const colSpan = cell.colSpan ?? 1
      if (col + colSpan > width || r + rowSpan > grid.rows.length) {
        throw new Error(`table "${grid.caption}": cell "${cell.text}" overflows the grid at row ${r}`)
      }
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const line = occupied[r + dr]
          if (line) line[col + dc] = true
        }
      }
      placed.push({ cell, row: r, col, rowSpan, colSpan })
      col += colSpan
    }
  })
  occupied.forEach((line, r) => {
    if (line.some((o) => !o)) throw new Error(`table "${grid.caption}": row ${r} leaves a gap`)
  })
  return placed
}
