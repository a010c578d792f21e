import { describe, expect, it } from 'vitest'
import { layoutPdfTable, paginateRows } from './pdf-table-layout.ts'
import type { GridRow, TableGrid } from './table-grid.ts'

const row = (text: string, keepWithNext = false): GridRow => ({
  cells: [{ text }, { text: '0' }],
  keepWithNext,
})

/** Every line of text is 10 pt high; each row therefore 10 pt plus 2 × 0 padding. */
const layout = (grid: TableGrid) =>
  layoutPdfTable(grid, 100, { padding: 0, minRowHeight: 10, measure: (text) => 10 * text.split('\n').length })

describe('paginateRows', () => {
  const grid: TableGrid = {
    caption: 't',
    columnWidths: [1, 1],
    headerRows: 1,
    rows: [row('head'), row('a'), row('b', true), row('c'), row('d'), row('e')],
  }

  it('keeps a whole table on the page when it fits', () => {
    expect(paginateRows(grid, layout(grid), { first: 100, page: 100 })).toEqual([
      { from: 0, to: 5, withHeader: false, newPage: false },
    ])
  })

  it('moves a row that does not fit to the next page and repeats the header there', () => {
    // 25 pt of room: head + a; b must stay with c, so both go over.
    const slices = paginateRows(grid, layout(grid), { first: 25, page: 40 })
    expect(slices).toEqual([
      { from: 0, to: 1, withHeader: false, newPage: false },
      { from: 2, to: 4, withHeader: true, newPage: true },
      { from: 5, to: 5, withHeader: true, newPage: true },
    ])
  })

  it('starts the table on a new page when not even the header and first row fit', () => {
    const slices = paginateRows(grid, layout(grid), { first: 15, page: 100 })
    expect(slices[0]).toEqual({ from: 0, to: 5, withHeader: false, newPage: true })
  })

  it('does not break through a short merged cell, but does through one taller than 40% of a page', () => {
    const merged = (span: number): TableGrid => ({
      caption: 'm',
      columnWidths: [1, 1],
      headerRows: 0,
      rows: Array.from({ length: 6 }, (_, i): GridRow => {
        if (i === 0) return { cells: [{ text: 'g', rowSpan: span }, { text: '0' }] }
        return { cells: i < span ? [{ text: '0' }] : [{ text: 'x' }, { text: '0' }] }
      }),
    })
    // A 3-row merged cell (30 pt) in a 100 pt page stays whole; with 25 pt of room it moves as one.
    const short = paginateRows(merged(3), layout(merged(3)), { first: 25, page: 100 })
    expect(short[0]).toEqual({ from: 0, to: 5, withHeader: false, newPage: true })
    // A 6-row merged cell (60 pt) is more than 40% of a 100 pt page: it may be split between rows.
    const tall = paginateRows(merged(6), layout(merged(6)), { first: 25, page: 100 })
    expect(tall[0]).toEqual({ from: 0, to: 1, withHeader: false, newPage: false })
  })
})
