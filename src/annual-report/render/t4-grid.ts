// 表四 政府信息公开行政复议、行政诉讼情况 as a grid (format-and-law.md §1.4): row 1 行政复议 (5) | 行政诉讼 (10);
// row 2 the five 复议 labels over two rows, then 未经复议直接起诉 (5) and 复议后起诉 (5); row 3 the ten 诉讼
// labels; then the single data row of 15 cells.
import type { GridCell, GridRow, TableGrid } from '../../documents/index.ts'
import type { ColumnDef, GroupDef, ReportFormat } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { cellText } from './cell-text.ts'
import { groupChain } from './group-chain.ts'

/** Columns under a group, at any depth. */
function columnsUnder(format: ReportFormat, groupKey: string): ColumnDef[] {
  return format.t4.columns.filter((c) =>
    groupChain(format.t4.columnGroups, c.group).some((g) => g.key === groupKey),
  )
}

function headerRows(format: ReportFormat): GridRow[] {
  const { columnGroups, columns } = format.t4
  const groupCell = (g: GroupDef): GridCell => ({
    text: g.label,
    colSpan: columnsUnder(format, g.key).length,
    header: true,
    scope: 'colgroup',
    id: `g-${g.key}`,
  })
  const top = columnGroups.filter((g) => g.parent === undefined).map(groupCell)
  // Second row: a column directly under a top group spans rows 2–3; a sub-group heads its columns.
  const second: GridCell[] = []
  const seen = new Set<string>()
  for (const col of columns) {
    const chain = groupChain(columnGroups, col.group)
    const sub = chain[1]
    if (!sub) {
      second.push({ text: col.label, rowSpan: 2, header: true, scope: 'col', id: `c-${col.key}` })
    } else if (!seen.has(sub.key)) {
      seen.add(sub.key)
      second.push(groupCell(sub))
    }
  }
  const third = columns
    .filter((col) => groupChain(columnGroups, col.group).length > 1)
    .map((col): GridCell => ({ text: col.label, header: true, scope: 'col', id: `c-${col.key}` }))
  return [{ cells: top }, { cells: second }, { cells: third }]
}

/** 表四 of `format` filled from `report`. */
export function t4Grid(format: ReportFormat, report: AnnualReport): TableGrid {
  const data: GridRow = {
    cells: format.t4.columns.map((col) => ({
      text: cellText(report, `t4.count.${col.key}`),
      headers: [...groupChain(format.t4.columnGroups, col.group).map((g) => `g-${g.key}`), `c-${col.key}`],
    })),
  }
  return {
    caption: format.t4.label,
    columnWidths: format.t4.columns.map(() => 1),
    headerRows: 3,
    rows: [...headerRows(format), data],
  }
}
