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
  // Every address read, number or blank: the first printing of a cell wins.
  const seen = new Set<CellAddress>()
  const put = (address: CellAddress | undefined, value: CellValue | undefined): void => {
    if (address === undefined || value === undefined || seen.has(address)) return
    seen.add(address)
    if (value.kind === 'blank') {
      out.blank.push(address)
      return
    }
    out.cells[address] = value.value
    if (value.unit) out.units[address] = value.unit
  }
  const addresses = addressTable(format)
  const rowSignals = firstRowSignals(read.rows)
  for (const row of read.rows) {
    if (row.row === null) {
      out.extraRows.push(toExtraRow(row))
    } else if (row.table === 't2' && row.block) {
      const columns = t2Addresses(row.block, row.row, blockFormat(row, read, format, rowSignals))
      for (let i = 0; i < row.values.length; i++) put(columns?.[i], row.values[i])
    } else if (row.table === 't3') {
      const columns = t3Addresses(row.row, format)
      for (let i = 0; i < row.values.length; i++) put(columns?.[row.columns?.[i] ?? i], row.values[i])
    }
  }
  if (read.t4) for (let i = 0; i < read.t4.length; i++) put(addresses.t4[i], read.t4[i])
  out.missingCells = addresses.all.filter((a) => !seen.has(a))
  return out
}

/** Cell addresses of one format, built once: per 表二 block and row, per 表三 row, by column index. */
interface AddressTable {
  t2: Map<string, Map<string, CellAddress[]>>
  t3: Map<string, CellAddress[]>
  t4: CellAddress[]
  all: CellAddress[]
}

const addressTables = new Map<FormatKey, AddressTable>()

function addressTable(format: FormatKey): AddressTable {
  const cached = addressTables.get(format)
  if (cached) return cached
  const def = FORMATS[format]
  const t2 = new Map<string, Map<string, CellAddress[]>>()
  for (const block of def.t2.blocks) {
    const rows = new Map<string, CellAddress[]>()
    for (const row of block.rows) {
      rows.set(
        row.key,
        block.columns.map((c) => `t2.${block.key}.${row.key}.${c.key}`),
      )
    }
    t2.set(block.key, rows)
  }
  const t3 = new Map<string, CellAddress[]>()
  for (const row of def.t3.rows) {
    t3.set(
      row.key,
      def.t3.columns.map((c) => `t3.${row.key}.${c.key}`),
    )
  }
  const table: AddressTable = {
    t2,
    t3,
    t4: def.t4.columns.map((c) => `t4.count.${c.key}`),
    all: formatCells(def).map((c) => c.address),
  }
  addressTables.set(format, table)
  return table
}

/**
 * Addresses of a 表二 row's columns in `format`'s block; a block `format` lacks is read with gov2019's
 * columns. A row key the block does not define still gets an address per column (the row was matched by label).
 */
function t2Addresses(block: string, row: string, format: FormatKey): CellAddress[] | undefined {
  const rows = addressTable(format).t2.get(block) ?? addressTable('gov2019').t2.get(block)
  return rows?.get(row) ?? rowAddresses(block, row, format)
}

/** Addresses of a 表三 row's columns; a row of the other format (the 2019 single （六）其他处理) keeps its key. */
function t3Addresses(row: string, format: FormatKey): CellAddress[] {
  return addressTable(format).t3.get(row) ?? FORMATS[format].t3.columns.map((c) => `t3.${row}.${c.key}`)
}

function rowAddresses(block: string, row: string, format: FormatKey): CellAddress[] {
  const def =
    FORMATS[format].t2.blocks.find((b) => b.key === block) ??
    FORMATS.gov2019.t2.blocks.find((b) => b.key === block)
  return def ? def.columns.map((c) => `t2.${block}.${row}.${c.key}`) : []
}

function decideFormat(signals: FormatCounts, year: number | null): FormatKey {
  if (signals.gov2019 > signals.gov2021) return 'gov2019'
  if (signals.gov2021 > signals.gov2019) return 'gov2021'
  return year === null ? 'gov2021' : expectedFormatForYear(year)
}

/** The format a 表二 block speaks: its header's specific labels, else its row labels, else its width. */
function blockFormat(
  row: RawRow,
  read: ReadResult,
  fallback: FormatKey,
  rowSignals: Map<string, FormatKey>,
): FormatKey {
  const block = row.block ?? ''
  const header = read.blockSignals.get(block)
  if (header && header.gov2019 !== header.gov2021) {
    return header.gov2019 > header.gov2021 ? 'gov2019' : 'gov2021'
  }
  const rowSignal = rowSignals.get(block)
  if (rowSignal) return rowSignal
  const counts = labelIndex().t2ColumnCount.get(block)
  if (counts && counts.gov2019 !== counts.gov2021) {
    if (row.values.length === counts.gov2019) return 'gov2019'
    if (row.values.length === counts.gov2021) return 'gov2021'
  }
  return fallback
}

/** Per 表二 block, the signal of its first row that carries one (one pass, not one scan per row). */
function firstRowSignals(rows: readonly RawRow[]): Map<string, FormatKey> {
  const signals = new Map<string, FormatKey>()
  for (const r of rows) if (r.block && r.signal && !signals.has(r.block)) signals.set(r.block, r.signal)
  return signals
}

function toExtraRow(row: RawRow): ExtraRow {
  return {
    table: row.table,
    label: row.label,
    values: row.values.map((v) => (v.kind === 'number' ? v.value : null)),
  }
}
