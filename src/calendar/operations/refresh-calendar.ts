// The process's calendar from the database: package data plus the administrator's overrides and declared
// years. Called when the server starts, after every change, and periodically (another process may have
// changed them); cheap: two small tables, and the calendar is rebuilt only when they changed.
import type { DB } from '../../storage/index.ts'
import type { CalendarOverrides, DayOverride } from '../calendar-overrides.ts'
import { listDeclaredYearRows, listOverrideRows } from '../calendar.queries.ts'
import { installCalendarOverrides } from '../national-calendar.ts'

/** The overrides stored in the database, in the shape the calendar merges. */
export async function loadCalendarOverrides(db: DB): Promise<CalendarOverrides> {
  const [rows, years] = await Promise.all([listOverrideRows(db), listDeclaredYearRows(db)])
  return {
    days: rows.map((r): DayOverride => ({ date: r.date, kind: r.kind as DayOverride['kind'], name: r.note })),
    yearsDeclaredKnown: years.map((y) => Number(y.year)),
  }
}

/** Install the stored overrides as the process's calendar; true when it changed. */
export async function refreshCalendar(db: DB): Promise<boolean> {
  return installCalendarOverrides(await loadCalendarOverrides(db))
}
