import { describe, expect, it } from 'vitest'
import { placeCells, type TableGrid } from './table-grid.ts'

// The top-left of 表三: a corner 3×3, a group over 2 columns, one column spanning two header rows.
const grid: TableGrid = {
  caption: 'test',
  columnWidths: [1, 1, 1, 1, 1],
  headerRows: 3,
  rows: [
    {
      cells: [
        { text: 'corner', colSpan: 3, rowSpan: 3 },
        { text: 'group', colSpan: 2 },
      ],
    },
    {
      cells: [
        { text: 'a', rowSpan: 2 },
        { text: 'b', rowSpan: 2 },
      ],
    },
    { cells: [] },
    { cells: [{ text: 'label', colSpan: 3 }, { text: '1' }, { text: '2' }] },
  ],
}

describe('placeCells', () => {
  it('places each cell after the cells that reach into its row from above', () => {
    const placed = placeCells(grid).map((p) => [p.cell.text, p.row, p.col, p.rowSpan, p.colSpan])
    expect(placed).toEqual([
      ['corner', 0, 0, 3, 3],
      ['group', 0, 3, 1, 2],
      ['a', 1, 3, 2, 1],
      ['b', 1, 4, 2, 1],
      ['label', 3, 0, 1, 3],
      ['1', 3, 3, 1, 1],
      ['2', 3, 4, 1, 1],
    ])
  })

  it('rejects a row that leaves part of the grid uncovered', () => {
    const broken: TableGrid = { ...grid, rows: [...grid.rows, { cells: [{ text: 'x' }] }] }
    expect(() => placeCells(broken)).toThrow(/row 4 leaves a gap/)
  })

  it('rejects a cell that runs past the right edge', () => {
    const broken: TableGrid = { ...grid, rows: [{ cells: [{ text: 'wide', colSpan: 6 }] }] }
    expect(() => placeCells(broken)).toThrow(/overflows/)
  })
})
