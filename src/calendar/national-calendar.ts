// The national calendar in use: package schedules plus admin overrides, built once per set of overrides.
import { applyCalendarOverrides, NO_OVERRIDES } from './calendar-overrides.ts'
import type { CalendarOverrides } from './calendar-overrides.ts'
import { chineseDaysSource } from './chinese-days-source.ts'
import { buildHolidayCalendar } from './holiday-calendar.ts'
import type { HolidayCalendar } from './holiday-calendar.ts'

let packageCalendar: HolidayCalendar | undefined

/** The national calendar (chinese-days data) with `overrides` merged in; the plain one is built only once. */
export function nationalCalendar(overrides: CalendarOverrides = NO_OVERRIDES): HolidayCalendar {
  const isPlain = overrides.days.length === 0 && overrides.yearsDeclaredKnown.length === 0
  if (isPlain) {
    packageCalendar ??= buildHolidayCalendar(chineseDaysSource())
    return packageCalendar
  }
  return buildHolidayCalendar(applyCalendarOverrides(chineseDaysSource(), overrides))
}
