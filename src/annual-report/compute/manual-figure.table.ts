// Kysely table interface of the 表二 figures an agency enters by hand (they live in other systems).
export interface ReportManualFigureTable {
  agency_id: number
  /** Report year (the statistics year). */
  year: number
  /** Cell address, e.g. `t2.art20_5.administrative_licensing.decisions_this_year`. */
  cell: string
  /** The number as entered: an integer, or a decimal for 万元 (text, so no float rounding is stored). */
  value: string
  /** Where the figure comes from, e.g. 省政务服务平台统计 2026-01-05. */
  source: string
  updated_by: number | null
  updated_at: string
}
