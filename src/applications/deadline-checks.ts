// Checks that need the computed due dates: late notices, early abandonment, late extension, late answer.
import type { HolidayCalendar } from '../calendar/index.ts'
import { walkAnswerPeriod } from './answer-clock.ts'
import type { CaseFacts } from './case-facts.ts'
import { clockProblem } from './clock-problems.ts'
import type { ClockProblem } from './clock-problems.ts'
import type { ClockRules } from './clock-rules.ts'
import { pauseSpansOf } from './clock-pauses.ts'
import type { CaseClock } from './deadline.ts'

/** Problems found by comparing event dates with the due dates derived for them. */
export function checkDeadlines(
  clock: CaseClock,
  facts: CaseFacts,
  calendar: HolidayCalendar,
  rules: ClockRules,
): ClockProblem[] {
  const problems: ClockProblem[] = []
  const { correction, fee, answer, correctionNoticeDue } = clock
  // 条例第三十条: the 补正 notice within 7 working days of receipt.
  if (
    correction &&
    correctionNoticeDue?.status === 'due' &&
    correction.requestedOn > correctionNoticeDue.date
  ) {
    problems.push(
      clockProblem(
        'correction_notice_late',
        correction.eventIndex,
        `最迟应于${correctionNoticeDue.date}发出`,
      ),
    )
  }
  if (
    correction?.expired &&
    correction.applicantDue.status === 'due' &&
    correction.expired.on <= correction.applicantDue.date
  ) {
    problems.push(
      clockProblem(
        'correction_expired_early',
        correction.expired.eventIndex,
        `补正期限至${correction.applicantDue.date}`,
      ),
    )
  }
  if (fee?.missed && fee.paymentDue.status === 'due' && fee.missed.on <= fee.paymentDue.date) {
    problems.push(
      clockProblem('fee_deadline_missed_early', fee.missed.eventIndex, `缴费期限至${fee.paymentDue.date}`),
    )
  }
  // 条例第三十三条第二款: the extension is decided while the original period is still running.
  if (facts.extension && answer.startedOn !== null) {
    const pauses = pauseSpansOf(facts, rules)
    const original = walkAnswerPeriod(calendar, answer.startedOn, rules.answerWorkingDays, pauses, false).end
    if (original.kind === 'due' && facts.extension.approvedOn > original.date) {
      problems.push(
        clockProblem('extension_after_due', facts.extension.eventIndex, `原答复期限为${original.date}`),
      )
    }
  }
  const conclusion = facts.conclusion
  if (
    conclusion &&
    !conclusion.outcome.startsWith('abandoned_') &&
    answer.due?.status === 'due' &&
    conclusion.on > answer.due.date
  ) {
    problems.push(clockProblem('answered_late', conclusion.eventIndex, `答复期限为${answer.due.date}`))
  }
  return problems
}
