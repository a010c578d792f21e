// 表二 主动公开政府信息情况 as a grid: four (2021) or five (2019) stacked blocks, each a caption row
// 第二十条第（X）项, a header row whose first cell is 信息内容, and its data rows (format-and-law.md §1.2, §2.1).
import type { GridCell, GridRow, TableGrid } from '../../documents/index.ts'
import type { ReportFormat, T2BlockDef } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { cellText } from './cell-text.ts'

/** Grid columns for values: a block with fewer value columns spreads them, the last one taking the rest. */
const VALUE_COLUMNS = 3

/** Column spans for `count` value columns over the 3 value columns of the grid (3 → 1,1,1; 2 → 1,2; 1 → 3). */
function valueSpans(count: number): number[] {
  const spans = new Array<number>(count).fill(1)
  spans[count - 1] = VALUE_COLUMNS - (count - 1)
  return spans
}

function blockRows(report: AnnualReport, rowHeaderLabel: string, block: T2BlockDef): GridRow[] {
  const id = (suffix: string): string => `${block.key}-${suffix}`
  const spans = valueSpans(block.columns.length)
  const caption: GridRow = {
    keepWithNext: true,
    cells: [
      { text: block.caption, colSpan: 1 + VALUE_COLUMNS, header: true, scope: 'colgroup', id: id('caption') },
    ],
  }
  const header: GridRow = {
    keepWithNext: true,
    cells: [
      { text: rowHeaderLabel, header: true, scope: 'col', id: id('head') },
      ...block.columns.map((col, i): GridCell => ({
        text: col.label,
        colSpan: spans[i],
        header: true,
        scope: 'col',
        id: id(`c-${col.key}`),
      })),
    ],
  }
  // A block is a few rows: keep it on one page with its caption.
  const data = block.rows.map((row, i): GridRow => ({
    keepWithNext: i < block.rows.length - 1,
    cells: [
      {
        text: row.label,
        header: true,
        scope: 'row',
        id: id(`r-${row.key}`),
        headers: [id('caption'), id('head')],
      },
      ...block.columns.map((col, i): GridCell => ({
        text: cellText(report, `t2.${block.key}.${row.key}.${col.key}`),
        colSpan: spans[i],
        headers: [id('caption'), id(`c-${col.key}`), id(`r-${row.key}`)],
      })),
    ],
  }))
  return [caption, header, ...data]
}

/** 表二 of `format` filled from `report`. It has no single header: each block carries its own. */
export function t2Grid(format: ReportFormat, report: AnnualReport): TableGrid {
  return {
    caption: format.t2.label,
    columnWidths: [3.2, 2, 2, 2],
    headerRows: 0,
    rows: format.t2.blocks.flatMap((block) => blockRows(report, format.t2.rowHeaderLabel, block)),
  }
}
