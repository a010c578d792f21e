// The statute's time limits as one rule object (STYLE.md: the limit belongs to the rule, deadline.ts turns it
// into dates), and the due-date type every computed limit shares.
import { addWorkingDays, isCalendarYearUnknown } from '../calendar/index.ts'
import type { HolidayCalendar, IsoDate } from '../calendar/index.ts'

/** The time limits of the 条例 and the fee 办法, in working days, plus the one unsettled choice. */
export interface ClockRules {
  /** 条例第三十三条第二款: answer within 20 working days of receipt. */
  answerWorkingDays: number
  /** 条例第三十三条第二款: one extension of at most 20 working days. */
  maxExtensionWorkingDays: number
  /** 条例第三十条: the 补正 notice is due within 7 working days of receipt. */
  correctionNoticeWorkingDays: number
  /** 条例第三十二条、第三十四条: the consulted party answers within 15 working days of receiving the letter. */
  consultationWorkingDays: number
  /** 国办函〔2020〕109号: pay within 20 working days counted from the day after receiving the fee notice. */
  feePaymentWorkingDays: number
  /**
   * Whether the time from fee notice to payment is left out of the answer period. The domain notes could not
   * confirm it ([unverified], format-and-law.md §4.5, §5). Default `false`: without the pause the computed
   * deadline can only be earlier than the true one, so an agency following it is never late.
   */
  feePeriodPausesAnswerClock: boolean
}

/** The statutory defaults. */
export const DEFAULT_CLOCK_RULES: ClockRules = {
  answerWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  correctionNoticeWorkingDays: 7,
  consultationWorkingDays: 15,
  feePaymentWorkingDays: 20,
  feePeriodPausesAnswerClock: false,
}

/** A computed due date, or the year whose holiday schedule is missing (never a guess). */
export type DueDate =
  { status: 'due'; date: IsoDate } | { status: 'calendar_unknown'; year: number; date: IsoDate }

/** `n` working days after `from` (first day not counted, 民法典第二百零一条), or the unknown year it hit. */
export function dueAfter(calendar: HolidayCalendar, from: IsoDate, n: number): DueDate {
  try {
    return { status: 'due', date: addWorkingDays(calendar, from, n) }
  } catch (err) {
    if (isCalendarYearUnknown(err)) return { status: 'calendar_unknown', year: err.year, date: err.date }
    throw err
  }
}
