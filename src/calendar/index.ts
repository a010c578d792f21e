/**
 * Working days under the official Chinese holiday calendar (法定节假日 and 调休 make-up days), as data.
 *
 * Design for unknown years: every function that must classify a day of a year whose official schedule is not
 * in the calendar throws `CalendarYearUnknownError` (a `DomainError` with code `unavailable`, carrying the
 * year). Nothing is ever computed on weekends alone. Callers that must keep going (the case clock) catch it
 * and flag the deadline as unknown.
 *
 * This module imports nothing from other domain modules.
 */
export {
  CalendarYearUnknownError,
  /** True when an error is a `CalendarYearUnknownError`. */
  isCalendarYearUnknown,
} from './calendar-year-unknown-error.ts'
export type {
  /** A `YYYY-MM-DD` date without time or zone. */
  IsoDate,
} from './plain-date.ts'
export {
  /** Adds (or subtracts) calendar days to an ISO date. */
  addCalendarDays,
  /** Compares two ISO dates: negative, zero or positive. */
  compareDates,
  /** Thrown for strings that are not real `YYYY-MM-DD` dates. */
  InvalidDateError,
  /** Days since 1970-01-01 of an ISO date (validated). */
  toDayNumber,
  /** The ISO date of a day number. */
  fromDayNumber,
  /** The year of an ISO date. */
  yearOf,
} from './plain-date.ts'
export type {
  /** Raw calendar data: exceptions to the normal week and the years whose schedule is known. */
  CalendarSource,
  /** A dated holiday or make-up working day. */
  CalendarException,
  /** `holiday` or `makeup_workday`. */
  CalendarExceptionKind,
  /** How one day counts: workday, weekend, holiday or makeup_workday. */
  DayKind,
  /** One classified day. */
  DayInfo,
  /** A built calendar with O(1) day lookup. */
  HolidayCalendar,
} from './holiday-calendar.ts'
export {
  /** Builds a calendar (O(1) lookup table) from raw data. */
  buildHolidayCalendar,
  /** Classifies one date; throws `CalendarYearUnknownError` for unknown years. */
  describeDay,
  /** Classifies one day number; throws `CalendarYearUnknownError` for unknown years. */
  dayKindOf,
  /** True for `workday` and `makeup_workday`. */
  isWorkingKind,
  /** True when the calendar knows the official schedule of a year. */
  isYearKnown,
} from './holiday-calendar.ts'
export type {
  /** Administrator corrections: per-date overrides and years declared complete. */
  CalendarOverrides,
  /** One per-date override. */
  DayOverride,
} from './calendar-overrides.ts'
export {
  /** Merges admin overrides over base data (pure). */
  applyCalendarOverrides,
  /** The empty set of overrides. */
  NO_OVERRIDES,
} from './calendar-overrides.ts'
export {
  /** The schedules held by the `chinese-days` package as calendar data. */
  chineseDaysSource,
} from './chinese-days-source.ts'
export {
  /** The process's national calendar (package data plus the installed admin overrides), or one for given overrides. */
  nationalCalendar,
  /** Make a set of overrides the process's calendar (rebuilt only when they changed). */
  installCalendarOverrides,
} from './national-calendar.ts'
export {
  /** Who may change the calendar (平台管理员). */
  canManageCalendar,
} from './calendar.policy.ts'
export {
  /** Load the stored overrides and install them as the process's calendar (start, after changes, periodically). */
  refreshCalendar,
  /** The stored overrides in the shape the calendar merges. */
  loadCalendarOverrides,
} from './operations/refresh-calendar.ts'
export {
  /** Add a per-date override (放假 / 调休上班 / 恢复正常); audited; the calendar is rebuilt. */
  addCalendarOverride,
  /** Remove a per-date override; audited; the calendar is rebuilt. */
  removeCalendarOverride,
  /** Declare a year's complete schedule entered (the year becomes known); audited. */
  declareCalendarYear,
  /** Withdraw a year's declaration (the year is unknown again); audited. */
  withdrawCalendarYear,
} from './operations/change-calendar.ts'
export {
  /** The console's view: package years, declared years, overrides and whether each takes effect. */
  getCalendarAdminView,
} from './operations/calendar-admin-view.ts'
export type {
  /** The console's calendar page data. */
  CalendarAdminView,
  /** One override as listed. */
  CalendarOverrideEntry,
  /** One declared year as listed. */
  DeclaredYearEntry,
} from './operations/calendar-admin-view.ts'
export {
  /** Kinds of override and their console labels. */
  OVERRIDE_KIND_LABELS,
  OVERRIDE_KINDS,
} from './operations/calendar-admin.schema.ts'
export type {
  /** `holiday`, `makeup_workday` or `normal`. */
  OverrideKind,
  AddCalendarOverrideInput,
  DeclareCalendarYearInput,
} from './operations/calendar-admin.schema.ts'
export {
  /** The date `n` working days after `date`, the starting day not counted (see the Example on its declaration). */
  addWorkingDays,
  /** Day-number form of `addWorkingDays`, for hot loops that already hold day numbers. */
  addWorkingDayNumbers,
  /** Signed count of working days in (from, to]. */
  countWorkingDays,
  /** True when a date is a working day. */
  isWorkingDay,
  /** The first working day after a date. */
  nextWorkingDay,
} from './working-days.ts'
