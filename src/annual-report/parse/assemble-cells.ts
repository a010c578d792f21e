/**
 * Rows read from the source → cell addresses of the format. The format is the one whose specific labels
 * dominate (the seed is a 2021 report printed on 2019 labels: its format is gov2019, and the signals let
 * P-FORMAT-VERSION say so). Each 表二 block is addressed in the format its own header speaks, so a hybrid
 * report (2021 表二 with the 2019 single （六）其他处理 row) keeps every printed cell at a truthful address.
 */
import { FORMATS, expectedFormatForYear, formatCells } from '../formats/index.ts'
import type { CellAddress, FormatKey } from '../formats/index.ts'
import type { ExtraRow } from '../model.ts'
import { labelIndex } from './label-index.ts'
import type { CellValue } from './normalize.ts'
import type { FormatCounts, RawRow, ReadResult } from './read-tokens.ts'

export interface AssembledCells {
  format: FormatKey | null
  cells: Record<CellAddress, number>
  blank: CellAddress[]
  units: Record<CellAddress, string>
  extraRows: ExtraRow[]
  formatSignals: FormatCounts
  /** Cells of `format` found neither as a number nor as a blank. */
  missingCells: CellAddress[]
}

/** Decide the format and give every value read its cell address. */
export function assembleCells(read: ReadResult, year: number | null): AssembledCells {
  const out: AssembledCells = {
    format: null,
    cells: {},
    blank: [],
    units: {},
    extraRows: [],
    formatSignals: { ...read.signals },
    missingCells: [],
  }
  const known = read.rows.filter((r) => r.row !== null)
  if (known.length === 0 && !read.t4?.length) {
    out.extraRows = read.rows.map(toExtraRow)
    return out
  }
  const format = decideFormat(read.signals, year)
  out.format = format
  const blankSet = new Set<CellAddress>()
  const put = (address: CellAddress, value: CellValue): void => {
    if (address in out.cells || blankSet.has(address)) return // the first printing of a cell wins
    if (value.kind === 'blank') {
      blankSet.add(address)
      out.blank.push(address)
      return
    }
    out.cells[address] = value.value
    if (value.unit) out.units[address] = value.unit
  }
  for (const row of read.rows) {
    if (row.row === null) {
      out.extraRows.push(toExtraRow(row))
    } else if (row.table === 't2' && row.block) {
      const columns = t2Columns(row, blockFormat(row, read, format))
      row.values.forEach((v, i) => {
        const column = columns[i]
        if (column) put(`t2.${row.block}.${row.row}.${column}`, v)
      })
    } else if (row.table === 't3') {
      row.values.forEach((v, i) => {
        const column = FORMATS[format].t3.columns[row.columns?.[i] ?? i]
        if (column) put(`t3.${row.row}.${column.key}`, v)
      })
    }
  }
  read.t4?.forEach((v, i) => {
    const column = FORMATS[format].t4.columns[i]
    if (column) put(`t4.count.${column.key}`, v)
  })
  out.missingCells = formatCells(FORMATS[format])
    .map((c) => c.address)
    .filter((a) => !(a in out.cells) && !blankSet.has(a))
  return out
}

function decideFormat(signals: FormatCounts, year: number | null): FormatKey {
  if (signals.gov2019 > signals.gov2021) return 'gov2019'
  if (signals.gov2021 > signals.gov2019) return 'gov2021'
  return year === null ? 'gov2021' : expectedFormatForYear(year)
}

/** The format a 表二 block speaks: its header's specific labels, else its row labels, else its width. */
function blockFormat(row: RawRow, read: ReadResult, fallback: FormatKey): FormatKey {
  const block = row.block ?? ''
  const header = read.blockSignals.get(block)
  if (header && header.gov2019 !== header.gov2021) {
    return header.gov2019 > header.gov2021 ? 'gov2019' : 'gov2021'
  }
  const rowSignal = read.rows.find((r) => r.block === block && r.signal)?.signal
  if (rowSignal) return rowSignal
  const counts = labelIndex().t2ColumnCount.get(block)
  if (counts && counts.gov2019 !== counts.gov2021) {
    if (row.values.length === counts.gov2019) return 'gov2019'
    if (row.values.length === counts.gov2021) return 'gov2021'
  }
  return fallback
}

function t2Columns(row: RawRow, format: FormatKey): string[] {
  const def =
    FORMATS[format].t2.blocks.find((b) => b.key === row.block) ??
    FORMATS.gov2019.t2.blocks.find((b) => b.key === row.block)
  return def ? def.columns.map((c) => c.key) : []
}

function toExtraRow(row: RawRow): ExtraRow {
  return {
    table: row.table,
    label: row.label,
    values: row.values.map((v) => (v.kind === 'number' ? v.value : null)),
  }
}
