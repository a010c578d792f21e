// 表三 收到和处理政府信息公开申请情况 as a grid, merged exactly as the national template (format-and-law.md §1.3):
// a corner cell 3 columns × 3 header rows holding the 勾稽 note; 申请人情况 over 7 columns; 自然人 and 总计 over
// two header rows; 法人或其他组织 over 5 columns. The row-label area is 3 columns wide: 一、二、四 span all three,
// 三、本年度办理结果 spans every outcome row, and the groups （三）–（六） span their sub-rows.
import type { GridCell, GridRow, TableGrid } from '../../documents/index.ts'
import type { ColumnDef, ReportFormat, RowDef } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { cellText } from './cell-text.ts'
import { groupChain } from './group-chain.ts'

const LABEL_COLUMNS = 3

/** Header ids that label a column: its groups, outermost first, then itself. */
function columnHeaderIds(format: ReportFormat, column: ColumnDef): string[] {
  return [...groupChain(format.t3.columnGroups, column.group).map((g) => `g-${g.key}`), `c-${column.key}`]
}

function headerRows(format: ReportFormat): GridRow[] {
  const { t3 } = format
  const [applicant, legal] = t3.columnGroups
  const legalColumns = t3.columns.filter((c) => c.group === legal?.key)
  const direct = t3.columns.filter((c) => c.group === applicant?.key)
  const span2 = (col: ColumnDef): GridCell => ({
    text: col.label,
    rowSpan: 2,
    header: true,
    scope: 'col',
    id: `c-${col.key}`,
  })
  const first = direct[0]
  const rest = direct.slice(1)
  return [
    {
      cells: [
        { text: t3.cornerNote, colSpan: LABEL_COLUMNS, rowSpan: 3, small: true },
        {
          text: applicant?.label ?? '',
          colSpan: t3.columns.length,
          header: true,
          scope: 'colgroup',
          id: `g-${applicant?.key}`,
        },
      ],
    },
    {
      cells: [
        ...(first ? [span2(first)] : []),
        {
          text: legal?.label ?? '',
          colSpan: legalColumns.length,
          header: true,
          scope: 'colgroup',
          id: `g-${legal?.key}`,
        },
        ...rest.map(span2),
      ],
    },
    { cells: legalColumns.map((c) => ({ text: c.label, header: true, scope: 'col', id: `c-${c.key}` })) },
  ]
}

/** How many data rows fall under a row group, counting its sub-groups. */
function rowsUnder(format: ReportFormat, groupKey: string): number {
  return format.t3.rows.filter((row) =>
    groupChain(format.t3.rowGroups, row.group).some((g) => g.key === groupKey),
  ).length
}

/** The row-label cells that start on `row`: group cells on the first row of their group, then the row's own label. */
function rowLabelCells(format: ReportFormat, row: RowDef, index: number): GridCell[] {
  const chain = groupChain(format.t3.rowGroups, row.group)
  const cells: GridCell[] = []
  chain.forEach((group, depth) => {
    const firstRowOfGroup = format.t3.rows.findIndex((r) =>
      groupChain(format.t3.rowGroups, r.group).some((g) => g.key === group.key),
    )
    if (firstRowOfGroup !== index) return
    // The outermost group (三、本年度办理结果) stands alone in column 1; sub-groups sit in column 2.
    const headers = chain.slice(0, depth).map((g) => `g-${g.key}`)
    cells.push({
      text: group.label,
      rowSpan: rowsUnder(format, group.key),
      header: true,
      scope: 'rowgroup',
      id: `g-${group.key}`,
      headers,
    })
  })
  cells.push({
    text: row.label,
    colSpan: LABEL_COLUMNS - chain.length,
    header: true,
    scope: 'row',
    id: `r-${row.key}`,
    headers: chain.map((g) => `g-${g.key}`),
    align: 'left',
  })
  return cells
}

function bodyRows(format: ReportFormat, report: AnnualReport): GridRow[] {
  return format.t3.rows.map((row, index) => {
    const rowHeaders = [
      ...groupChain(format.t3.rowGroups, row.group).map((g) => `g-${g.key}`),
      `r-${row.key}`,
    ]
    return {
      cells: [
        ...rowLabelCells(format, row, index),
        ...format.t3.columns.map((col): GridCell => ({
          text: cellText(report, `t3.${row.key}.${col.key}`),
          headers: [...columnHeaderIds(format, col), ...rowHeaders],
        })),
      ],
    }
  })
}

/** 表三 of `format` filled from `report`. */
export function t3Grid(format: ReportFormat, report: AnnualReport): TableGrid {
  return {
    caption: format.t3.label,
    // In points of the 156 mm text area: 三、本年度办理结果 one character wide, group labels such as （三）不予
    // five characters (two lines), row labels wide enough for most on one line, values two characters.
    columnWidths: [18, 60, 152, ...format.t3.columns.map(() => 30)],
    headerRows: 3,
    rows: [...headerRows(format), ...bodyRows(format, report)],
  }
}
