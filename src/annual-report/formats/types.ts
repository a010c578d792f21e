/**
 * Types of a report format (国家统一格式) held as data. Labels live here once; parsers and renderers read them.
 */

/** The two national formats: 2019 试行 (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号). */
export type FormatKey = 'gov2019' | 'gov2021'

export const FORMAT_KEYS: readonly FormatKey[] = ['gov2019', 'gov2021']

/** The six sections of every report (条例第五十条). */
export type SectionKey =
  | 's1_overview'
  | 's2_proactive'
  | 's3_applications'
  | 's4_review_litigation'
  | 's5_problems'
  | 's6_other'

export const SECTION_KEYS: readonly SectionKey[] = [
  's1_overview',
  's2_proactive',
  's3_applications',
  's4_review_litigation',
  's5_problems',
  's6_other',
]

export type TableKey = 't2' | 't3' | 't4'

/**
 * What a cell holds. `int`: a count ≥ 0; `signed_int`: 本年增/减, may be negative; `decimal`: 万元 with decimals;
 * `money`: an amount whose unit (元/万元) is written in the cell (2019 采购总金额).
 */
export type CellType = 'int' | 'signed_int' | 'decimal' | 'money'

export interface SectionDef {
  /** Stable key. */
  key: SectionKey
  /** Chinese ordinal as printed: 一 … 六. */
  number: string
  /** Heading as in the template, without the ordinal. */
  label: string
  /** Heading wordings met in real reports (parsers accept these too). */
  variants: readonly string[]
  /** The table that fills this section, if any. */
  table?: TableKey
}

export interface ColumnDef {
  key: string
  /** Exact label as printed in the template. */
  label: string
  type: CellType
  /** Key of the column group above it (e.g. `legal_person_or_org`), if any. */
  group?: string
  /** Other wordings met in real reports. */
  aliases?: readonly string[]
  /** Unit printed in or implied by the label. */
  unit?: string
}

export interface RowDef {
  key: string
  /** Exact label as printed in the template. */
  label: string
  /** Key of the row group above it (e.g. `withheld`), if any. */
  group?: string
  aliases?: readonly string[]
}

export interface GroupDef {
  key: string
  label: string
  parent?: string
}

/** One stacked block of 表二 (a 第二十条第（X）项 caption, a 信息内容 header row and its data rows). */
export interface T2BlockDef {
  key: string
  /** e.g. 第二十条第（一）项 */
  caption: string
  /** The article item it reports on, for tooltips and the console. */
  legalBasis: string
  columns: readonly ColumnDef[]
  rows: readonly RowDef[]
}

export interface T2Def {
  key: 't2'
  label: string
  /** First header cell of every block. */
  rowHeaderLabel: string
  blocks: readonly T2BlockDef[]
}

export interface T3Def {
  key: 't3'
  label: string
  /** The 勾稽 note printed in the corner cell. */
  cornerNote: string
  columnGroups: readonly GroupDef[]
  columns: readonly ColumnDef[]
  rowGroups: readonly GroupDef[]
  /** Data rows in printed order (groups such as （三）不予公开 are not data rows). */
  rows: readonly RowDef[]
}

export interface T4Def {
  key: 't4'
  label: string
  columnGroups: readonly GroupDef[]
  /** The 15 cells of the single data row `count`, in printed order. */
  columns: readonly ColumnDef[]
}

export interface ReportFormat {
  key: FormatKey
  /** Title of the format document. */
  title: string
  documentNumber: string
  /** Report years the format is meant for (inclusive); `to` null = still current. */
  reportYears: { from: number; to: number | null }
  sections: readonly SectionDef[]
  t2: T2Def
  t3: T3Def
  t4: T4Def
}

/**
 * A cell address: `t2.<block>.<row>.<column>`, `t3.<row>.<column>` or `t4.count.<column>`
 * (report-schema.json notation).
 */
export type CellAddress = string
