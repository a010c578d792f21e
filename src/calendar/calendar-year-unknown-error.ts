import { DomainError } from '../shared/domain-error.ts'
import type { IsoDate } from './plain-date.ts'

/**
 * Thrown by every working-day function that would have to look at a day of a year whose official holiday
 * schedule (国务院办公厅关于部分节假日安排的通知) is not in the calendar. Weekends alone would give a wrong
 * answer around 春节 or 国庆, so the calendar refuses to guess; callers show the deadline as "unknown" and ask
 * an administrator to enter the year. Its code `unavailable` lets the web edge answer 503.
 */
export class CalendarYearUnknownError extends DomainError {
  /** The year whose schedule is missing. */
  readonly year: number
  /** The first date the computation needed in that year. */
  readonly date: IsoDate

  constructor(year: number, date: IsoDate) {
    super('unavailable', `${year}年的法定节假日安排尚未录入日历，无法计算 ${date} 前后的工作日`)
    this.name = 'CalendarYearUnknownError'
    this.year = year
    this.date = date
  }
}

/** True when `err` is a `CalendarYearUnknownError`. */
export function isCalendarYearUnknown(err: unknown): err is CalendarYearUnknownError {
  return err instanceof CalendarYearUnknownError
}
