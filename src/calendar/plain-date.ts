// Date-only values. A legal deadline is a calendar day, not an instant: JS `Date` would drag a time zone
// into it (a `new Date('2025-10-01')` is midnight UTC, i.e. 08:00 in Beijing, and the previous day in New York).
// Dates are ISO strings at the edges and integer day numbers (days since 1970-01-01) inside, converted with
// pure integer arithmetic (H. Hinnant's civil-date algorithms), so no time zone can ever enter.

/** A calendar date written `YYYY-MM-DD` (ISO 8601, proleptic Gregorian), without time or zone. */
export type IsoDate = string

/** Thrown when a string is not a real `YYYY-MM-DD` date (e.g. `2025-02-29`, `2025-9-1`). */
export class InvalidDateError extends RangeError {
  readonly value: string

  constructor(value: string) {
    super(`不是有效的日期（应为 YYYY-MM-DD）：${value}`)
    this.name = 'InvalidDateError'
    this.value = value
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

interface Civil {
  year: number
  month: number
  day: number
}

function civilFromDays(dayNumber: number): Civil {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

// Deadlines touch a few thousand distinct dates, recomputed for every case: memoise both conversions.
// Bounded so a long-running process cannot grow them without limit.
const CACHE_LIMIT = 50_000
const dayNumbers = new Map<string, number>()
const isoDates = new Map<number, IsoDate>()

function parseDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date)
  if (!match) throw new InvalidDateError(date)
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const dayNumber = daysFromCivil(year, month, day)
  // Round-trip to reject 2025-02-30 and friends without a table of month lengths.
  const back = civilFromDays(dayNumber)
  if (back.year !== year || back.month !== month || back.day !== day) throw new InvalidDateError(date)
  return dayNumber
}

/** Days since 1970-01-01 of an ISO date; throws `InvalidDateError` for anything that is not a real date. */
export function toDayNumber(date: IsoDate): number {
  const cached = dayNumbers.get(date)
  if (cached !== undefined) return cached
  const dayNumber = parseDayNumber(date)
  if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear()
  dayNumbers.set(date, dayNumber)
  return dayNumber
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const cached = isoDates.get(dayNumber)
  if (cached !== undefined) return cached
  const { year, month, day } = civilFromDays(dayNumber)
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
  if (isoDates.size >= CACHE_LIMIT) isoDates.clear()
  isoDates.set(dayNumber, date)
  return date
}

/** The calendar year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber).year
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b)
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return yearOfDayNumber(toDayNumber(date))
}
