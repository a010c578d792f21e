// The holiday calendar as data: per-date exceptions to the Monday–Friday week, and the set of years whose
// official schedule is known. Built once into a flat table so that any day is classified in O(1).
import { CalendarYearUnknownError } from './calendar-year-unknown-error.ts'
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOfDayNumber } from './plain-date.ts'
import type { IsoDate } from './plain-date.ts'

/** An exception to the normal week: a day off on a weekday, or a 调休 working day on a weekend. */
export type CalendarExceptionKind = 'holiday' | 'makeup_workday'

/** One dated exception of an official schedule. */
export interface CalendarException {
  date: IsoDate
  kind: CalendarExceptionKind
  /** The festival it belongs to, e.g. 国庆节; a make-up day carries the festival it pays for. */
  name: string
}

/** The raw data a calendar is built from (package data, then admin overrides merged in). */
export interface CalendarSource {
  /** Years whose complete official schedule is in `exceptions`. Days in other years are never computed. */
  knownYears: readonly number[]
  exceptions: readonly CalendarException[]
}

/** How a single day counts. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday'

/** One day classified by the calendar. */
export interface DayInfo {
  date: IsoDate
  kind: DayKind
  /** True for `workday` and `makeup_workday`. */
  isWorkingDay: boolean
  /** Festival name for `holiday` and `makeup_workday`. */
  name?: string
}

// Table codes; 0 marks a day of an unknown year inside the table's span.
const UNKNOWN = 0
const KIND_CODES: Readonly<Record<DayKind, number>> = {
  workday: 1,
  weekend: 2,
  holiday: 3,
  makeup_workday: 4,
}
const KINDS_BY_CODE: readonly (DayKind | undefined)[] = [
  undefined,
  'workday',
  'weekend',
  'holiday',
  'makeup_workday',
]

/** A built calendar: immutable, classify any day in O(1). Build with `buildHolidayCalendar`. */
export interface HolidayCalendar {
  /** Years whose official schedule is known, ascending. */
  readonly knownYears: readonly number[]
  /** Day number of the first table entry (1 January of the first known year). */
  readonly firstDay: number
  /** One code per day from `firstDay`; 0 for days of unknown years. */
  readonly table: Uint8Array
  /** Festival names of exception days, by day number. */
  readonly names: ReadonlyMap<number, string>
}

/** Builds the O(1) lookup table from calendar data. Exceptions outside the known years are kept out. */
export function buildHolidayCalendar(source: CalendarSource): HolidayCalendar {
  const knownYears = [...new Set(source.knownYears)].sort((a, b) => a - b)
  const first = knownYears[0]
  const last = knownYears[knownYears.length - 1]
  if (first === undefined || last === undefined) {
    return { knownYears, firstDay: 0, table: new Uint8Array(0), names: new Map() }
  }
  const firstDay = toDayNumber(`${String(first).padStart(4, '0')}-01-01`)
  const endDay = toDayNumber(`${String(last).padStart(4, '0')}-12-31`)
  const table = new Uint8Array(endDay - firstDay + 1)
  const known = new Set(knownYears)
  for (const year of knownYears) {
    const start = toDayNumber(`${String(year).padStart(4, '0')}-01-01`)
    const end = toDayNumber(`${String(year).padStart(4, '0')}-12-31`)
    for (let day = start; day <= end; day++) {
      const weekday = weekdayOfDayNumber(day)
      table[day - firstDay] = weekday === 0 || weekday === 6 ? KIND_CODES.weekend : KIND_CODES.workday
    }
  }
  const names = new Map<number, string>()
  for (const exception of source.exceptions) {
    const day = toDayNumber(exception.date)
    if (!known.has(yearOfDayNumber(day))) continue
    table[day - firstDay] = KIND_CODES[exception.kind]
    names.set(day, exception.name)
  }
  return { knownYears, firstDay, table, names }
}

/** The kind of a day given as a day number; throws `CalendarYearUnknownError` outside the known years. */
export function dayKindOf(calendar: HolidayCalendar, dayNumber: number): DayKind {
  const kind = KINDS_BY_CODE[calendar.table[dayNumber - calendar.firstDay] ?? UNKNOWN]
  if (kind === undefined) {
    throw new CalendarYearUnknownError(yearOfDayNumber(dayNumber), fromDayNumber(dayNumber))
  }
  return kind
}

/** True when a day kind is a working day (a normal weekday or a 调休 make-up day). */
export function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'makeup_workday'
}

/** Classifies one date; throws `CalendarYearUnknownError` when its year's schedule is not known. */
export function describeDay(calendar: HolidayCalendar, date: IsoDate): DayInfo {
  const day = toDayNumber(date)
  const kind = dayKindOf(calendar, day)
  const name = calendar.names.get(day)
  return { date, kind, isWorkingDay: isWorkingKind(kind), ...(name === undefined ? {} : { name }) }
}

/** True when the official schedule of `year` is in the calendar. */
export function isYearKnown(calendar: HolidayCalendar, year: number): boolean {
  return calendar.knownYears.includes(year)
}
