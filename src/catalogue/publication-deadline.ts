// The 20-working-day rule of 条例 第二十六条: information shall be disclosed within 20 working days of
// being formed or changed (unless laws or regulations say otherwise). The only place that turns a
// 形成或变更日期 into a due date; "late" and "due soon" are derived from it, never stored.
import {
  addWorkingDays,
  countWorkingDays,
  isCalendarYearUnknown,
  nationalCalendar,
} from '../calendar/index.ts'
import type { HolidayCalendar, IsoDate } from '../calendar/index.ts'

/** 条例 第二十六条: 20 个工作日. */
export const PUBLICATION_WORKING_DAYS = 20

/** Items whose deadline is at most this many working days away are "due soon". */
export const DUE_SOON_WORKING_DAYS = 3

/** The due date, or why it cannot be known (a year whose official holiday schedule is missing). */
export type PublicationDeadline =
  { readonly known: true; readonly dueOn: IsoDate } | { readonly known: false; readonly unknownYear: number }

function unknownOr<T>(fn: () => T): T | { known: false; unknownYear: number } {
  try {
    return fn()
  } catch (err) {
    if (isCalendarYearUnknown(err)) return { known: false, unknownYear: err.year }
    throw err
  }
}

/**
 * The last day to publish information formed or changed on `madeOn`: the 20th working day after it (the day
 * itself not counted, 民法典 第二百零一条). Never guessed: a year the calendar does not know → unknown.
 */
export function publicationDeadline(
  madeOn: IsoDate,
  calendar: HolidayCalendar = nationalCalendar(),
): PublicationDeadline {
  return unknownOr(() => ({
    known: true as const,
    dueOn: addWorkingDays(calendar, madeOn, PUBLICATION_WORKING_DAYS),
  }))
}

/** Was publication on `publishedOn` within the deadline? Null when there is no madeOn or it is unknown. */
export function isPublishedOnTime(
  madeOn: IsoDate | null,
  publishedOn: IsoDate,
  calendar: HolidayCalendar = nationalCalendar(),
): boolean | null {
  if (madeOn === null) return null
  const deadline = publicationDeadline(madeOn, calendar)
  return deadline.known ? publishedOn <= deadline.dueOn : null
}

/** Where an unpublished item stands against its deadline on `today`. */
export type DeadlineStanding =
  | { readonly kind: 'late'; readonly dueOn: IsoDate; readonly workingDaysLate: number }
  | { readonly kind: 'due_soon'; readonly dueOn: IsoDate; readonly workingDaysLeft: number }
  | { readonly kind: 'in_time'; readonly dueOn: IsoDate; readonly workingDaysLeft: number }
  | { readonly kind: 'unknown'; readonly unknownYear: number }

/** Classify an unpublished item formed on `madeOn` as late, due soon (≤ 3 working days left) or in time. */
export function deadlineStanding(
  madeOn: IsoDate,
  today: IsoDate,
  calendar: HolidayCalendar = nationalCalendar(),
): DeadlineStanding {
  const deadline = publicationDeadline(madeOn, calendar)
  if (!deadline.known) return { kind: 'unknown', unknownYear: deadline.unknownYear }
  const { dueOn } = deadline
  let left: number
  try {
    left = countWorkingDays(calendar, today, dueOn)
  } catch (err) {
    if (isCalendarYearUnknown(err)) return { kind: 'unknown', unknownYear: err.year }
    throw err
  }
  if (today > dueOn) return { kind: 'late', dueOn, workingDaysLate: -left }
  if (left <= DUE_SOON_WORKING_DAYS) return { kind: 'due_soon', dueOn, workingDaysLeft: left }
  return { kind: 'in_time', dueOn, workingDaysLeft: left }
}
