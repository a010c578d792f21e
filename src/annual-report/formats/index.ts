/**
 * The two national report formats as data, and the cell addresses they define.
 * Everything that prints or reads a label (parsers, renderers, rule messages) takes it from here.
 */
import { SECTIONS } from './sections.ts'
import { T2_BLOCKS_GOV2019 } from './t2-gov2019.ts'
import { T2_BLOCKS_GOV2021 } from './t2-gov2021.ts'
import {
  T3_COLUMNS,
  T3_COLUMN_GROUPS,
  T3_CORNER_NOTE,
  T3_LABEL,
  T3_ROWS_GOV2019,
  T3_ROWS_GOV2021,
  T3_ROW_GROUPS_GOV2019,
  T3_ROW_GROUPS_GOV2021,
  T4_COLUMNS,
  T4_COLUMN_GROUPS,
  T4_LABEL,
} from './t3-t4.ts'
import type { CellAddress, CellType, ColumnDef, FormatKey, ReportFormat } from './types.ts'

export * from './types.ts'

const T2_LABEL = '主动公开政府信息情况'

/** 中华人民共和国政府信息公开工作年度报告格式, 国办公开办函〔2021〕30号: report year 2021 onward. */
export const GOV2021: ReportFormat = {
  key: 'gov2021',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  documentNumber: '国办公开办函〔2021〕30号',
  reportYears: { from: 2021, to: null },
  sections: SECTIONS,
  t2: { key: 't2', label: T2_LABEL, rowHeaderLabel: '信息内容', blocks: T2_BLOCKS_GOV2021 },
  t3: {
    key: 't3',
    label: T3_LABEL,
    cornerNote: T3_CORNER_NOTE,
    columnGroups: T3_COLUMN_GROUPS,
    columns: T3_COLUMNS,
    rowGroups: T3_ROW_GROUPS_GOV2021,
    rows: T3_ROWS_GOV2021,
  },
  t4: { key: 't4', label: T4_LABEL, columnGroups: T4_COLUMN_GROUPS, columns: T4_COLUMNS },
}

/** 中华人民共和国政府信息公开工作年度报告格式（试行）, 国办公开办函〔2019〕60号: report years 2019–2020. */
export const GOV2019: ReportFormat = {
  key: 'gov2019',
  title: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  documentNumber: '国办公开办函〔2019〕60号',
  reportYears: { from: 2019, to: 2020 },
  sections: SECTIONS,
  t2: { key: 't2', label: T2_LABEL, rowHeaderLabel: '信息内容', blocks: T2_BLOCKS_GOV2019 },
  t3: {
    key: 't3',
    label: T3_LABEL,
    cornerNote: T3_CORNER_NOTE,
    columnGroups: T3_COLUMN_GROUPS,
    columns: T3_COLUMNS,
    rowGroups: T3_ROW_GROUPS_GOV2019,
    rows: T3_ROWS_GOV2019,
  },
  t4: { key: 't4', label: T4_LABEL, columnGroups: T4_COLUMN_GROUPS, columns: T4_COLUMNS },
}

export const FORMATS: Readonly<Record<FormatKey, ReportFormat>> = { gov2019: GOV2019, gov2021: GOV2021 }

/** The format a report year should use (P-FORMAT-VERSION): 2019 试行 for 2019–2020, 2021 from 2021 on. */
export function expectedFormatForYear(year: number): FormatKey {
  return year <= 2020 ? 'gov2019' : 'gov2021'
}

/** One cell of a format: its address, type and where it sits. */
export interface CellDef {
  address: CellAddress
  table: 't2' | 't3' | 't4'
  /** 表二 block key; undefined for 表三/表四. */
  block?: string
  row: string
  column: string
  type: CellType
}

const cellCache = new Map<FormatKey, readonly CellDef[]>()

/** Every cell of a format, in printed order: 表二 block by block, then 表三 row by row, then 表四. */
export function formatCells(format: ReportFormat): readonly CellDef[] {
  const cached = cellCache.get(format.key)
  if (cached) return cached
  const cells: CellDef[] = []
  for (const block of format.t2.blocks) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        cells.push({
          address: `t2.${block.key}.${row.key}.${col.key}`,
          table: 't2',
          block: block.key,
          row: row.key,
          column: col.key,
          type: col.type,
        })
      }
    }
  }
  for (const row of format.t3.rows) {
    for (const col of format.t3.columns) {
      cells.push({ address: `t3.${row.key}.${col.key}`, table: 't3', row: row.key, column: col.key, type: col.type })
    }
  }
  for (const col of format.t4.columns) {
    cells.push({ address: `t4.count.${col.key}`, table: 't4', row: 'count', column: col.key, type: col.type })
  }
  cellCache.set(format.key, cells)
  return cells
}

/** The cell definition at an address, or undefined when the format has no such cell. */
export function findCell(format: ReportFormat, address: CellAddress): CellDef | undefined {
  return formatCells(format).find((c) => c.address === address)
}

/** Label of a 表三 column, e.g. `natural_person` → 自然人. */
export function t3ColumnLabel(format: ReportFormat, key: string): string {
  return format.t3.columns.find((c) => c.key === key)?.label ?? key
}

/** A column's label with its group, e.g. 表四 `litigation_direct_total` → 未经复议直接起诉 总计. */
export function t4ColumnLabel(format: ReportFormat, column: ColumnDef): string {
  const group = format.t4.columnGroups.find((g) => g.key === column.group)
  return group ? `${group.label}${column.label}` : column.label
}
