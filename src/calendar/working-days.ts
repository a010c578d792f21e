// Working-day arithmetic on date-only values. Every function throws `CalendarYearUnknownError` as soon as it
// would have to classify a day of a year whose official schedule is not known: one design, no silent guesses.
import { dayKindOf, isWorkingKind } from './holiday-calendar.ts'
import type { HolidayCalendar } from './holiday-calendar.ts'
import { fromDayNumber, toDayNumber } from './plain-date.ts'
import type { IsoDate } from './plain-date.ts'

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`工作日数必须是非负整数：${n}`)
}

/** True when `date` is a working day: a weekday that is not a holiday, or a 调休 make-up day. */
export function isWorkingDay(calendar: HolidayCalendar, date: IsoDate): boolean {
  return isWorkingKind(dayKindOf(calendar, toDayNumber(date)))
}

/** Day number of the n-th working day after `from` (exclusive); `from` itself for n = 0. */
export function addWorkingDayNumbers(calendar: HolidayCalendar, from: number, n: number): number {
  let day = from
  let counted = 0
  while (counted < n) {
    day++
    if (isWorkingKind(dayKindOf(calendar, day))) counted++
  }
  return day
}

/**
 * The date `n` working days after `date`. The starting day is not counted (民法典第二百零一条: a period
 * counted in days starts on the next day), so a period "20 working days from receipt" ends on the 20th
 * working day after the receipt date. The result is always a working day when n > 0; n = 0 returns `date`.
 *
 * @example
 * ```ts
 * const calendar = nationalCalendar()
 * // Received Friday 2025-09-26. Sunday 09-28 is a 调休 working day, 10-01…10-08 are off (国庆节, 中秋节),
 * // Saturday 10-11 is a 调休 working day.
 * addWorkingDays(calendar, '2025-09-26', 1) // '2025-09-28'
 * addWorkingDays(calendar, '2025-09-26', 20) // '2025-10-30'
 * addWorkingDays(calendar, '2026-12-20', 20) // throws CalendarYearUnknownError, year 2027
 * ```
 */
export function addWorkingDays(calendar: HolidayCalendar, date: IsoDate, n: number): IsoDate {
  assertCount(n)
  return fromDayNumber(addWorkingDayNumbers(calendar, toDayNumber(date), n))
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: HolidayCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(calendar, date, 1)
}

/**
 * Working days in the half-open span (from, to]: `from` is not counted, `to` is. This is the inverse of
 * `addWorkingDays` (countWorkingDays(c, d, addWorkingDays(c, d, n)) === n) and is signed: when `to` is before
 * `from` the result is minus the count of (to, from], e.g. how many working days a case is overdue.
 */
export function countWorkingDays(calendar: HolidayCalendar, from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  if (end < start) return -countWorkingDays(calendar, to, from)
  let counted = 0
  for (let day = start + 1; day <= end; day++) {
    if (isWorkingKind(dayKindOf(calendar, day))) counted++
  }
  return counted
}
