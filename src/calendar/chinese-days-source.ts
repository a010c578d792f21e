// National schedules from the `chinese-days` package (its data file, not its date functions: those take JS
// Dates and silently treat any year it lacks as plain weekdays/weekends, which is exactly what we must not do).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { CalendarException, CalendarExceptionKind, CalendarSource } from './holiday-calendar.ts'

type DayTable = Readonly<Record<string, string>>

// Entries read "English name,中文名,n" (e.g. "National Day,国庆节,3"); keep the Chinese name.
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry
}

function exceptionsOf(days: DayTable, kind: CalendarExceptionKind): CalendarException[] {
  return Object.entries(days).map(([date, entry]) => ({ date, kind, name: chineseName(entry) }))
}

/**
 * The official schedules the package holds: every year with at least one 元旦 holiday entry is complete,
 * because the package adds a year only when the State Council notice for it is published.
 */
export function chineseDaysSource(): CalendarSource {
  const holidays: DayTable = chineseDays.holidays
  const workdays: DayTable = chineseDays.workdays
  const knownYears = [...new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))))]
  return {
    knownYears: knownYears.sort((a, b) => a - b),
    exceptions: [...exceptionsOf(holidays, 'holiday'), ...exceptionsOf(workdays, 'makeup_workday')],
  }
}
