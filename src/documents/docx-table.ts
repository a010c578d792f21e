// A TableGrid as a real Word table: merged cells as gridSpan / vMerge, header rows repeated on every page.
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx'
import { DOCX_TABLE_TEXT_STYLE } from './docx-document.ts'
import { ptToHalfPoints } from './page-setup.ts'
import { placeCells, type CellAlign, type GridCell, type PlacedCell, type TableGrid } from './table-grid.ts'

/** How a Word table is sized and set. */
export interface DocxTableOptions {
  /** Width of the table in twips (usually the text width). */
  widthTwip: number
  /** Type size of cell text in points: that of `DOCX_TABLE_TEXT_STYLE`, which the document must define. */
  fontSizePt: number
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]>

/** Distributes the table width over the grid columns in proportion to their relative widths. */
function columnTwips(grid: TableGrid, widthTwip: number): number[] {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0)
  return grid.columnWidths.map((w) => Math.floor((w / total) * widthTwip))
}

function cellParagraph(cell: GridCell, fontSizePt: number, keepNext: boolean): Paragraph {
  const align = cell.align ?? 'center'
  return new Paragraph({
    style: DOCX_TABLE_TEXT_STYLE,
    // Only what differs from the style is written: Word files of 300 cells stay small and fast to build.
    ...(align === 'center' ? {} : { alignment: ALIGN[align] }),
    // Word keeps a table row with the next one through its paragraphs' keep-with-next.
    ...(keepNext ? { keepNext } : {}),
    children: [
      new TextRun(
        cell.small === true ? { text: cell.text, size: ptToHalfPoints(fontSizePt - 1.5) } : cell.text,
      ),
    ],
  })
}

function spanWidth(widths: readonly number[], col: number, colSpan: number): number {
  return widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0)
}

/**
 * Builds the Word cells of one grid row. Word has no row span: a vertically merged cell is a `restart` cell
 * followed by one `continue` cell in every row it covers, each with the same grid span.
 */
function rowCells(
  r: number,
  placed: readonly PlacedCell[],
  widths: readonly number[],
  options: DocxTableOptions & { keepNext: boolean },
): TableCell[] {
  const starts = placed.filter((p) => p.row === r || (p.row < r && p.row + p.rowSpan > r))
  starts.sort((a, b) => a.col - b.col)
  return starts.map((p) => {
    const width = { size: spanWidth(widths, p.col, p.colSpan), type: WidthType.DXA }
    const merged = p.rowSpan > 1
    const isContinuation = p.row !== r
    return new TableCell({
      children: [
        isContinuation
          ? new Paragraph({ keepNext: options.keepNext })
          : cellParagraph(p.cell, options.fontSizePt, options.keepNext),
      ],
      columnSpan: p.colSpan > 1 ? p.colSpan : undefined,
      verticalMerge: merged
        ? isContinuation
          ? VerticalMergeType.CONTINUE
          : VerticalMergeType.RESTART
        : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      width,
    })
  })
}

/** A Word table for a grid: fixed layout, full width, header rows marked to repeat, rows kept whole. */
export function docxTable(grid: TableGrid, options: DocxTableOptions): Table {
  const placed = placeCells(grid)
  const widths = columnTwips(grid, options.widthTwip)
  const rows = grid.rows.map(
    (row, r) =>
      new TableRow({
        children: rowCells(r, placed, widths, { ...options, keepNext: row.keepWithNext === true }),
        tableHeader: r < grid.headerRows,
        cantSplit: true,
      }),
  )
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
  })
}
