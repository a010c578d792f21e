// Administrator corrections layered over the package data. Pure: storage of overrides comes later.
import type { CalendarException, CalendarExceptionKind, CalendarSource } from './holiday-calendar.ts'
import type { IsoDate } from './plain-date.ts'

/** One admin correction of a date: make it a holiday or a 调休 working day, or `normal` to drop an exception. */
export interface DayOverride {
  date: IsoDate
  kind: CalendarExceptionKind | 'normal'
  /** Festival name shown in deadline explanations (e.g. 春节); defaults to 管理员调整. */
  name?: string
}

/** Everything an administrator can change in the calendar. */
export interface CalendarOverrides {
  days: readonly DayOverride[]
  /**
   * Years whose complete schedule the administrator has entered (e.g. 2027 once the State Council notice is
   * out and before the package is updated). Entering days alone never makes a year known: a half-entered year
   * would silently give wrong deadlines.
   */
  yearsDeclaredKnown: readonly number[]
}

/** No overrides. */
export const NO_OVERRIDES: CalendarOverrides = { days: [], yearsDeclaredKnown: [] }

const ADMIN_NAME = '管理员调整'

/** Merges admin overrides over base data: an override replaces whatever the base said about its date. */
export function applyCalendarOverrides(base: CalendarSource, overrides: CalendarOverrides): CalendarSource {
  const byDate = new Map<IsoDate, CalendarException>()
  for (const exception of base.exceptions) byDate.set(exception.date, exception)
  for (const override of overrides.days) {
    if (override.kind === 'normal') byDate.delete(override.date)
    else {
      byDate.set(override.date, {
        date: override.date,
        kind: override.kind,
        name: override.name ?? ADMIN_NAME,
      })
    }
  }
  return {
    knownYears: [...new Set([...base.knownYears, ...overrides.yearsDeclaredKnown])].sort((a, b) => a - b),
    exceptions: [...byDate.values()],
  }
}
