// What the console's calendar page shows: the years whose schedule is known (from the package, or declared
// by an administrator), and every override with whether it takes effect (an override in a year whose
// schedule is unknown waits until the year is declared).
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { chineseDaysSource } from '../chinese-days-source.ts'
import { authorizeCalendar } from '../calendar.policy.ts'
import { listDeclaredYearRows, listOverrideRows } from '../calendar.queries.ts'
import type { OverrideKind } from './calendar-admin.schema.ts'

export interface CalendarOverrideEntry {
  readonly date: string
  readonly kind: OverrideKind
  readonly note: string
  readonly createdByName: string | null
  readonly createdAt: string
  /** False while its year's schedule is not known (neither in the package nor declared). */
  readonly inEffect: boolean
}

export interface DeclaredYearEntry {
  readonly year: number
  readonly note: string
  readonly declaredByName: string | null
  readonly declaredAt: string
}

export interface CalendarAdminView {
  /** Years the `chinese-days` package holds the official schedule of. */
  readonly packageYears: readonly number[]
  /** Years an administrator declared complete. */
  readonly declaredYears: readonly DeclaredYearEntry[]
  readonly overrides: readonly CalendarOverrideEntry[]
}

export async function getCalendarAdminView(db: DB, actor: Actor): Promise<CalendarAdminView> {
  authorizeCalendar(actor)
  const [rows, years] = await Promise.all([listOverrideRows(db), listDeclaredYearRows(db)])
  const packageYears = [...chineseDaysSource().knownYears]
  const known = new Set([...packageYears, ...years.map((y) => Number(y.year))])
  return {
    packageYears,
    declaredYears: years.map((y) => ({
      year: Number(y.year),
      note: y.note,
      declaredByName: y.declared_by_name,
      declaredAt: y.declared_at,
    })),
    overrides: rows.map((r) => ({
      date: r.date,
      kind: r.kind as OverrideKind,
      note: r.note,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
      inEffect: known.has(Number(r.date.slice(0, 4))),
    })),
  }
}
