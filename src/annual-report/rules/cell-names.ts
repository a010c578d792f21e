// Chinese names of tables, rows, columns and cells for finding messages, all read from the format definitions
// (formats/) so that no label is typed twice.
import { FORMATS, t3ColumnLabel, t4ColumnLabel } from '../formats/index.ts'
import type { ReportFormat, RowDef, TableKey } from '../formats/index.ts'

const ORDINAL = /^(?:([一二三四五六七八九十]+)、|(（[一二三四五六七八九十]+）)|(\d+)[.．])/

/** `表三` for t3: tables are informally named after the section that holds them (format-and-law.md, Naming). */
export function tableName(format: ReportFormat, table: TableKey): string {
  const section = format.sections.find((s) => s.table === table)
  return section ? `表${section.number}` : table
}

function ordinalOf(label: string): string {
  const m = ORDINAL.exec(label)
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : ''
}

function withoutOrdinal(label: string): string {
  return label.replace(ORDINAL, '')
}

function t3Row(format: ReportFormat, rowKey: string): RowDef | undefined {
  return format.t3.rows.find((r) => r.key === rowKey)
}

/** The row's ordinal with its groups', e.g. `results_total` → 三（七）, `withheld_state_secret` → 三（三）1. */
export function t3RowOrdinal(format: ReportFormat, rowKey: string): string {
  // A row of the other format (a 2021 table printing the 2019 （六）其他处理 row) is named as that format prints it.
  if (!t3Row(format, rowKey)) {
    const other = Object.values(FORMATS).find((f) => t3Row(f, rowKey))
    if (other) format = other
  }
  const row = t3Row(format, rowKey)
  if (!row) return rowKey
  const parts = [ordinalOf(row.label)]
  let groupKey = row.group
  while (groupKey) {
    const group = format.t3.rowGroups.find((g) => g.key === groupKey)
    if (!group) break
    parts.unshift(ordinalOf(group.label))
    groupKey = group.parent
  }
  return parts.join('')
}

/** Ordinal and short label, e.g. 三（二）部分公开 (the printed counting note in brackets is left out). */
export function t3RowTitle(format: ReportFormat, rowKey: string): string {
  const row = t3Row(format, rowKey)
  if (!row) return rowKey
  const text = withoutOrdinal(row.label).replace(/（[^）]*）$/, '')
  return `${t3RowOrdinal(format, rowKey)}${text}`
}

/** 表二 block caption and row label, e.g. 第二十条第（一）项 规章; `blockRow` is `block.row`. */
export function t2RowTitle(format: ReportFormat, blockRow: string): string {
  const [blockKey, rowKey] = blockRow.split('.')
  const block = format.t2.blocks.find((b) => b.key === blockKey)
  const row = block?.rows.find((r) => r.key === rowKey)
  return block && row ? `${block.caption} ${row.label}` : blockRow
}

/** Label of a 表二 column within its block, e.g. `art20_1`, `issued_this_year` → 本年制发件数. */
export function t2ColumnLabel(format: ReportFormat, blockKey: string, columnKey: string): string {
  const block = format.t2.blocks.find((b) => b.key === blockKey)
  return block?.columns.find((c) => c.key === columnKey)?.label ?? columnKey
}

/** Label of the 表四 column group a column belongs to, e.g. `review_total` → 行政复议. */
export function t4GroupLabel(format: ReportFormat, columnKey: string): string {
  const column = format.t4.columns.find((c) => c.key === columnKey)
  return format.t4.columnGroups.find((g) => g.key === column?.group)?.label ?? columnKey
}

/** Full name of a cell, e.g. `表三 三（一）予以公开 自然人`, `表四 行政复议总计`. */
export function cellName(format: ReportFormat, address: string): string {
  const parts = address.split('.')
  const table = parts[0]
  if (table === 't3' && parts.length === 3) {
    return `${tableName(format, 't3')} ${t3RowTitle(format, parts[1] ?? '')} ${t3ColumnLabel(format, parts[2] ?? '')}`
  }
  if (table === 't2' && parts.length === 4) {
    const [, block = '', row = '', column = ''] = parts
    return `${tableName(format, 't2')} ${t2RowTitle(format, `${block}.${row}`)} ${t2ColumnLabel(format, block, column)}`
  }
  if (table === 't4' && parts.length === 3) {
    const column = format.t4.columns.find((c) => c.key === parts[2])
    return `${tableName(format, 't4')} ${column ? t4ColumnLabel(format, column) : (parts[2] ?? '')}`
  }
  return address
}
