// The national calendar in use: package schedules plus admin overrides. The process keeps one built calendar
// for the overrides currently installed (`installCalendarOverrides`, called by `refreshCalendar` at start,
// after every change and periodically), so every deadline computed anywhere — the catalogue's 20-working-day
// rule, the applications clock — uses the same calendar without a database read.
import { applyCalendarOverrides, NO_OVERRIDES } from './calendar-overrides.ts'
import type { CalendarOverrides } from './calendar-overrides.ts'
import { chineseDaysSource } from './chinese-days-source.ts'
import { buildHolidayCalendar } from './holiday-calendar.ts'
import type { HolidayCalendar } from './holiday-calendar.ts'

let packageCalendar: HolidayCalendar | undefined
let installed: { readonly key: string; readonly calendar: HolidayCalendar } | undefined

function isPlain(overrides: CalendarOverrides): boolean {
  return overrides.days.length === 0 && overrides.yearsDeclaredKnown.length === 0
}

function build(overrides: CalendarOverrides): HolidayCalendar {
  if (isPlain(overrides)) {
    packageCalendar ??= buildHolidayCalendar(chineseDaysSource())
    return packageCalendar
  }
  return buildHolidayCalendar(applyCalendarOverrides(chineseDaysSource(), overrides))
}

/**
 * The national calendar: with `overrides`, the package data with those merged in; without, the calendar of
 * the process (package data plus the overrides installed from the database, or the package data alone).
 */
export function nationalCalendar(overrides?: CalendarOverrides): HolidayCalendar {
  if (overrides !== undefined) return build(overrides)
  return installed?.calendar ?? build(NO_OVERRIDES)
}

/**
 * Make `overrides` the process's calendar. Rebuilds only when they differ from the installed ones; returns
 * whether the calendar changed.
 */
export function installCalendarOverrides(overrides: CalendarOverrides): boolean {
  const key = JSON.stringify(overrides)
  if (installed?.key === key) return false
  installed = { key, calendar: build(overrides) }
  return true
}
