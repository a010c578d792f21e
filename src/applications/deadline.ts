// THE one place that turns a case's events into its status and due dates (STYLE.md §5.1.6). Nothing else
// computes or stores a due date; operations append an event and call this again.
import type { HolidayCalendar, IsoDate } from '../calendar/index.ts'
import { walkAnswerPeriod } from './answer-clock.ts'
import type { ExplanationDay } from './answer-clock.ts'
import { pauseSpansOf } from './clock-pauses.ts'
import { foldCaseEvents } from './case-facts.ts'
import type { CaseFacts, ConsultationFacts } from './case-facts.ts'
import { isConcluded } from './case-status.ts'
import type { CaseStatus } from './case-status.ts'
import type { ClockEvent } from './clock-events.ts'
import { checkDeadlines } from './deadline-checks.ts'
import type { ClockProblem } from './clock-problems.ts'
import { DEFAULT_CLOCK_RULES, dueAfter } from './clock-rules.ts'
import type { ClockRules, DueDate } from './clock-rules.ts'
import type { CaseOutcome } from './outcomes.ts'
import { receiptDate } from './receipt-date.ts'
import type { ReceiptDate } from './receipt-date.ts'

/** The answer period (条例第三十三条) as derived. */
export interface AnswerDeadline {
  /** `running`: due date known; `paused`: a consultation (or fee period) is open; `not_started`: receipt not
   * confirmed or 补正 awaited; `calendar_unknown`: the period reaches a year without an official schedule. */
  state: 'not_started' | 'running' | 'paused' | 'calendar_unknown'
  /** The day the period runs from (not counted): the receipt date, or receipt of the corrected application. */
  startedOn: IsoDate | null
  /** 20 plus any approved extension. */
  limitWorkingDays: number
  /** Working days counted by the walk (all of them when running; those before the pause when paused). */
  countedWorkingDays: number
  /** Due date under 第三十三条 (with pauses and extension). */
  statutoryDue: DueDate | null
  /** The date that binds: `statutoryDue`, or the later date set under 第三十五条. */
  due: DueDate | null
  /** Start of the open pause when `paused`. */
  pausedSince?: IsoDate
}

/** A consultation with the consulted party's own reply deadline (15 working days). */
export interface ConsultationClock extends ConsultationFacts {
  replyDue: DueDate
}

/** Everything derived from a case log. */
export interface CaseClock {
  status: CaseStatus
  receipt: ReceiptDate
  answer: AnswerDeadline
  /** Last day to send a 补正 notice (条例第三十条: 7 working days from receipt); null before receipt. */
  correctionNoticeDue: DueDate | null
  correction: (NonNullable<CaseFacts['correction']> & { applicantDue: DueDate }) | null
  consultations: ConsultationClock[]
  extension: CaseFacts['extension'] | null
  fee: (NonNullable<CaseFacts['fee']> & { paymentDue: DueDate }) | null
  art35: CaseFacts['art35'] | null
  conclusion: { on: IsoDate; outcome: CaseOutcome; closedOn?: IsoDate } | null
  /** Years whose missing holiday schedule left some due date uncomputed: flagged, never guessed. */
  unknownYears: number[]
  problems: ClockProblem[]
  /** The reasoning in Chinese, one line per rule applied. */
  notes: string[]
  /** The answer period day by day (empty with `explain: false`). */
  explanation: ExplanationDay[]
}

/** Options of `deriveCaseClock`. */
export interface DeriveOptions {
  rules?: ClockRules
  /** Build the day-by-day explanation (default true; bulk recomputation can skip it). */
  explain?: boolean
}

/** Derives status, due dates, problems and explanation from a case log (linear in events and days). */
export function deriveCaseClock(
  events: readonly ClockEvent[],
  calendar: HolidayCalendar,
  options: DeriveOptions = {},
): CaseClock {
  const rules = options.rules ?? DEFAULT_CLOCK_RULES
  const facts = foldCaseEvents(events)
  const receipt = receiptDate(facts.channel, facts.arrivedOn, facts.confirmedOn)
  const notes = [
    receipt.status === 'known'
      ? `收到申请之日：${receipt.date}（${receipt.rule}）`
      : `待确认：${receipt.rule}`,
  ]
  const received = receipt.status === 'known' ? receipt.date : null
  const correction = facts.correction
    ? {
        ...facts.correction,
        applicantDue: dueAfter(calendar, facts.correction.requestedOn, facts.correction.periodWorkingDays),
      }
    : null
  const consultations = facts.consultations.map((c) => ({
    ...c,
    replyDue: dueAfter(calendar, c.deliveredOn, rules.consultationWorkingDays),
  }))
  // 国办函〔2020〕109号: 20 working days counted from the day after the applicant received the notice.
  const fee = facts.fee
    ? { ...facts.fee, paymentDue: dueAfter(calendar, facts.fee.deliveredOn, rules.feePaymentWorkingDays) }
    : null
  const { answer, explanation } = deriveAnswer(
    calendar,
    facts,
    received,
    rules,
    options.explain ?? true,
    notes,
  )
  const clock: CaseClock = {
    status: deriveStatus(facts, receipt),
    receipt,
    answer,
    correctionNoticeDue:
      received === null ? null : dueAfter(calendar, received, rules.correctionNoticeWorkingDays),
    correction,
    consultations,
    extension: facts.extension ?? null,
    fee,
    art35: facts.art35 ?? null,
    conclusion: facts.conclusion
      ? {
          on: facts.conclusion.on,
          outcome: facts.conclusion.outcome,
          ...(facts.closedOn ? { closedOn: facts.closedOn } : {}),
        }
      : null,
    unknownYears: [],
    problems: facts.problems,
    notes,
    explanation,
  }
  clock.problems = [...facts.problems, ...checkDeadlines(clock, facts, calendar, rules)].sort(
    (a, b) => a.eventIndex - b.eventIndex,
  )
  clock.unknownYears = unknownYearsOf(clock)
  return clock
}

function deriveAnswer(
  calendar: HolidayCalendar,
  facts: CaseFacts,
  received: IsoDate | null,
  rules: ClockRules,
  explain: boolean,
  notes: string[],
): { answer: AnswerDeadline; explanation: ExplanationDay[] } {
  const limit = rules.answerWorkingDays + (facts.extension?.workingDays ?? 0)
  const notStarted = (
    startedOn: IsoDate | null,
  ): { answer: AnswerDeadline; explanation: ExplanationDay[] } => ({
    answer: {
      state: 'not_started',
      startedOn,
      limitWorkingDays: limit,
      countedWorkingDays: 0,
      statutoryDue: null,
      due: null,
    },
    explanation: [],
  })
  if (received === null) return notStarted(null)
  const correction = facts.correction
  // 条例第三十条: after a 补正 notice the period runs from receipt of the corrected application.
  if (correction && correction.receivedOn === undefined) {
    notes.push(
      `已于${correction.requestedOn}发出补正告知，答复期限自收到补正后的申请之日起计算（条例第三十条）`,
    )
    return notStarted(null)
  }
  const start = correction?.receivedOn ?? received
  if (correction?.receivedOn !== undefined) {
    notes.push(`收到补正后的申请之日：${start}，答复期限重新计算（条例第三十条）`)
  }
  notes.push(
    `自${start}的次日起计算（民法典第二百零一条），${rules.answerWorkingDays}个工作日内答复（条例第三十三条第二款）`,
  )
  if (facts.extension) {
    const e = facts.extension
    notes.push(`${e.approvedOn}经${e.approver}同意延长${e.workingDays}个工作日（条例第三十三条第二款）`)
  }
  const pauses = pauseSpansOf(facts, rules)
  for (const p of pauses) notes.push(`${p.from}至${p.to ?? '答复前'}：${p.reason}`)
  const walk = walkAnswerPeriod(calendar, start, limit, pauses, explain)
  const base = { startedOn: start, limitWorkingDays: limit, countedWorkingDays: walk.counted }
  if (walk.end.kind === 'paused') {
    notes.push(`${walk.end.reason}：自${walk.end.since}起暂停计算，已计${walk.counted}个工作日`)
    return {
      answer: { ...base, state: 'paused', statutoryDue: null, due: null, pausedSince: walk.end.since },
      explanation: walk.days,
    }
  }
  if (walk.end.kind === 'calendar_unknown') {
    notes.push(`${walk.end.year}年的法定节假日安排尚未录入日历，答复期限无法计算，请管理员录入后再看`)
    const due: DueDate = { status: 'calendar_unknown', year: walk.end.year, date: walk.end.date }
    return { answer: { ...base, state: 'calendar_unknown', statutoryDue: due, due }, explanation: walk.days }
  }
  const statutoryDue: DueDate = { status: 'due', date: walk.end.date }
  let due = statutoryDue
  if (facts.art35 && facts.art35.newDueDate > walk.end.date) {
    notes.push(`${facts.art35.setOn}依条例第三十五条确定延迟答复期限：${facts.art35.newDueDate}`)
    due = { status: 'due', date: facts.art35.newDueDate }
  }
  notes.push(`答复期限：${due.date}`)
  return { answer: { ...base, state: 'running', statutoryDue, due }, explanation: walk.days }
}

function deriveStatus(facts: CaseFacts, receipt: ReceiptDate): CaseStatus {
  if (facts.conclusion) {
    if (facts.closedOn) return 'closed'
    return facts.conclusion.outcome.startsWith('abandoned_') ? 'abandoned' : 'answered'
  }
  if (receipt.status === 'awaiting_confirmation') return 'awaiting_confirmation'
  if (facts.correction && facts.correction.receivedOn === undefined) return 'awaiting_correction'
  if (facts.fee && facts.fee.paidOn === undefined) return 'awaiting_fee'
  if (facts.consultations.some((c) => c.answeredOn === undefined)) return 'in_consultation'
  return 'in_progress'
}

function unknownYearsOf(clock: CaseClock): number[] {
  const dues = [
    clock.answer.due,
    clock.correctionNoticeDue,
    clock.correction?.applicantDue,
    clock.fee?.paymentDue,
    ...clock.consultations.map((c) => c.replyDue),
  ]
  const years = new Set<number>()
  for (const due of dues) if (due?.status === 'calendar_unknown') years.add(due.year)
  return [...years].sort((a, b) => a - b)
}

/** True when an open case is past its binding due date on `today` ("overdue" is computed, never stored). */
export function isOverdue(clock: CaseClock, today: IsoDate): boolean {
  return !isConcluded(clock.status) && clock.answer.due?.status === 'due' && today > clock.answer.due.date
}

/** Problems that appending `event` would introduce; an operation refuses the event if any is an error. */
export function problemsOfNewEvent(
  events: readonly ClockEvent[],
  event: ClockEvent,
  calendar: HolidayCalendar,
  options: DeriveOptions = {},
): ClockProblem[] {
  const clock = deriveCaseClock([...events, event], calendar, { ...options, explain: false })
  return clock.problems.filter((p) => p.eventIndex === events.length)
}
