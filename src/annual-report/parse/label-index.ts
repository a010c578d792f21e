/**
 * The labels of both formats turned into lookup tables of label keys, built once. The mapper never holds a
 * label of its own: every caption, row, column and heading it recognises comes from formats/.
 */
import { FORMATS, FORMAT_KEYS } from '../formats/index.ts'
import type { FormatKey, SectionKey } from '../formats/index.ts'
import { labelKey, splitMarker } from './normalize.ts'
import type { LabelMarker } from './normalize.ts'

/** A 表二 row label of one block; `signal` names the format whose label it is when the other lacks it. */
export interface T2RowEntry {
  key: string
  row: string
  signal?: FormatKey
}

/** A 表二 column label (or alias) of one block in one format. */
export interface T2ColumnEntry {
  key: string
  format: FormatKey
  column: string
  /** True when the other format's block has no column with this key (a P-FORMAT-VERSION signal). */
  specific: boolean
}

/** A 表三 data row: its marker as printed (`（七）`, `3.`) and the key of its text. */
export interface T3RowEntry {
  row: string
  marker: LabelMarker
  signal?: FormatKey
}

export interface LabelIndex {
  sections: { key: SectionKey; bodies: string[] }[]
  /** 第二十条第（X）项 caption key → block key. */
  t2Captions: Map<string, string>
  t2Rows: Map<string, T2RowEntry[]>
  t2Columns: Map<string, T2ColumnEntry[]>
  /** Number of columns of each block per format (0 when the format has no such block). */
  t2ColumnCount: Map<string, Record<FormatKey, number>>
  t2RowHeader: string
  t3Rows: T3RowEntry[]
  t3CornerNote: string
  t4Groups: Set<string>
}

function buildIndex(): LabelIndex {
  const sections = FORMATS.gov2021.sections.map((s) => ({
    key: s.key,
    bodies: [s.label, ...s.variants].map(labelKey),
  }))
  const t2Captions = new Map<string, string>()
  const t2Rows = new Map<string, T2RowEntry[]>()
  const t2Columns = new Map<string, T2ColumnEntry[]>()
  const t2ColumnCount = new Map<string, Record<FormatKey, number>>()
  for (const format of FORMAT_KEYS) {
    for (const block of FORMATS[format].t2.blocks) {
      t2Captions.set(labelKey(block.caption), block.key)
      const counts = t2ColumnCount.get(block.key) ?? { gov2019: 0, gov2021: 0 }
      counts[format] = block.columns.length
      t2ColumnCount.set(block.key, counts)
    }
  }
  for (const blockKey of t2ColumnCount.keys()) {
    t2Rows.set(blockKey, t2RowEntries(blockKey))
    t2Columns.set(blockKey, t2ColumnEntries(blockKey))
  }
  const t3Rows: T3RowEntry[] = []
  const seen = new Set<string>()
  for (const format of FORMAT_KEYS) {
    const other = FORMATS[format === 'gov2019' ? 'gov2021' : 'gov2019']
    for (const row of FORMATS[format].t3.rows) {
      if (seen.has(row.key)) continue
      seen.add(row.key)
      const specific = !other.t3.rows.some((r) => r.key === row.key)
      t3Rows.push({ row: row.key, marker: splitMarker(row.label), ...(specific ? { signal: format } : {}) })
    }
  }
  const t4 = FORMATS.gov2021.t4
  return {
    sections,
    t2Captions,
    t2Rows,
    t2Columns,
    t2ColumnCount,
    t2RowHeader: labelKey(FORMATS.gov2021.t2.rowHeaderLabel),
    t3Rows,
    t3CornerNote: labelKey(FORMATS.gov2021.t3.cornerNote),
    t4Groups: new Set(t4.columnGroups.map((g) => labelKey(g.label))),
  }
}

function blockOf(format: FormatKey, blockKey: string) {
  return FORMATS[format].t2.blocks.find((b) => b.key === blockKey)
}

function t2RowEntries(blockKey: string): T2RowEntry[] {
  const keysByFormat = FORMAT_KEYS.map((format) => {
    const rows = blockOf(format, blockKey)?.rows ?? []
    return rows.flatMap((r) => [r.label, ...(r.aliases ?? [])].map((l) => ({ key: labelKey(l), row: r.key })))
  })
  const entries: T2RowEntry[] = []
  FORMAT_KEYS.forEach((format, i) => {
    const other = keysByFormat[1 - i] ?? []
    for (const e of keysByFormat[i] ?? []) {
      if (entries.some((x) => x.key === e.key)) continue
      const specific = !other.some((o) => o.key === e.key)
      entries.push(specific ? { ...e, signal: format } : e)
    }
  })
  return entries
}

function t2ColumnEntries(blockKey: string): T2ColumnEntry[] {
  const keysByFormat = FORMAT_KEYS.map((format) => {
    const cols = blockOf(format, blockKey)?.columns ?? []
    return cols.flatMap((c) =>
      [c.label, ...(c.aliases ?? [])].map((l) => ({ key: labelKey(l), column: c.key })),
    )
  })
  const entries: T2ColumnEntry[] = []
  FORMAT_KEYS.forEach((format, i) => {
    const other = keysByFormat[1 - i] ?? []
    for (const e of keysByFormat[i] ?? []) {
      entries.push({ ...e, format, specific: !other.some((o) => o.key === e.key) })
    }
  })
  return entries
}

let cached: LabelIndex | undefined

/** The label tables of both formats (built on first use, then shared). */
export function labelIndex(): LabelIndex {
  cached ??= buildIndex()
  return cached
}
