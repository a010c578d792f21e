/**
 * The annual report model (政府信息公开工作年度报告): one shape whether it was parsed, computed or typed in.
 * Plain data, so it serialises to JSON as it is.
 */
import type { CellAddress, FormatKey, SectionKey } from './formats/index.ts'

/** Catalogue metadata block printed above a report on a disclosure page (format-and-law.md §8.3). */
export interface CatalogueMetadata {
  /** 索引号 */
  indexNo?: string
  /** 主题分类; an empty string when the label is printed with no value. */
  topicCategory?: string
  /** 发布机构 / 发文机关 / 信息来源 … */
  publisher?: string
  /** 发布时间 / 发布日期, as YYYY-MM-DD when it could be read as a date, else as printed. */
  publishDate?: string
  /** 成文日期 / 生成日期 */
  writtenDate?: string
  /** 标题 / 名称 */
  title?: string
  /** 文号 / 发文字号 */
  docNumber?: string
  /** Every label → value pair as printed, including ones without a canonical key. */
  raw: Record<string, string>
}

/** A row printed in a table that the national format does not have (e.g. 其他主动公开文件): kept, not validated. */
export interface ExtraRow {
  table: 't2' | 't3' | 't4'
  label: string
  values: (number | null)[]
}

export interface AnnualReport {
  /** Format whose labels the tables use; null when no table could be recognised. */
  format: FormatKey | null
  /** Report year (the statistics year, not the publication year). */
  year: number | null
  /** Reporting agency as named in the title. */
  agency: string | null
  /** Report title as printed. */
  title: string | null
  /** Catalogue metadata block, where the page has one. */
  metadata: CatalogueMetadata | null
  /** Section texts (narrative, including table captions' surrounding prose), by section key. */
  sections: Partial<Record<SectionKey, string>>
  /** Every cell that holds a number, by address. */
  cells: Record<CellAddress, number>
  /** Cells printed but left blank (distinct from an explicit 0). */
  blank: CellAddress[]
  /** Units read from cells whose unit is written in the cell (2019 采购总金额: 元 or 万元). */
  units?: Record<CellAddress, string>
  /** Rows the format does not define. */
  extraRows?: ExtraRow[]
  /**
   * Labels the parser met that belong to the other format (P-FORMAT-VERSION), e.g. a 2021 report printed on
   * 2019 labels. Empty when the tables are consistent with `format`.
   */
  formatSignals?: { gov2019: number; gov2021: number }
}

/** An empty report: no format, no cells. */
export function emptyReport(): AnnualReport {
  return { format: null, year: null, agency: null, title: null, metadata: null, sections: {}, cells: {}, blank: [] }
}

/** The value of a cell with blank and absent read as 0 (the convention for arithmetic checks). */
export function cellValue(report: AnnualReport, address: CellAddress): number {
  return report.cells[address] ?? 0
}
