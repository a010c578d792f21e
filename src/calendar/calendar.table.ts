// Kysely table interfaces of the calendar's administrator corrections. Dates are `YYYY-MM-DD` text,
// timestamps ISO-8601 UTC text.
import type { Selectable } from 'kysely'

export interface CalendarOverrideTable {
  /** The day corrected (one override per day). */
  date: string
  /** `holiday` (放假), `makeup_workday` (调休上班) or `normal` (恢复为正常的周一至周五工作、周末休息). */
  kind: string
  /** Why, e.g. the notice it follows (国办发明电〔2026〕1号). */
  note: string
  created_by: number | null
  /** The username at the time, so the page still says who after an account is renamed. */
  created_by_name: string | null
  created_at: string
}

export interface CalendarDeclaredYearTable {
  /** A year whose complete official schedule an administrator has entered. */
  year: number
  note: string
  declared_by: number | null
  declared_by_name: string | null
  declared_at: string
}

export type CalendarOverrideRow = Selectable<CalendarOverrideTable>
export type CalendarDeclaredYearRow = Selectable<CalendarDeclaredYearTable>
