// What every case operation may be given besides its input: the calendar (admin overrides) and the clock.
import { nationalCalendar } from '../../calendar/index.ts'
import type { HolidayCalendar, IsoDate } from '../../calendar/index.ts'

export interface OperationOptions {
  /** The working-day calendar; the national one by default. */
  readonly calendar?: HolidayCalendar
  /** The current instant (tests pin it). */
  readonly now?: Date
}

/** The date in China Standard Time (UTC+8, no daylight saving): the legal date of "today". */
export function chinaToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export function calendarOf(options: OperationOptions): HolidayCalendar {
  return options.calendar ?? nationalCalendar()
}
