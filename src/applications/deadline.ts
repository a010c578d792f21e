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
import { writeClockNotes } from './clock-notes.ts'
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
  /** The reasoning in Chinese, one line per rule applied (empty with `explain: false`). */
  notes: string[]
  /** The answer period day by day (empty with `explain: false`). */
  explanation: ExplanationDay[]
}

/** Options of `deriveCaseClock`. */
export interface DeriveOptions {
  rules?: ClockRules
  /** Build the notes and the day-by-day explanation (default true; bulk recomputation can skip them). */
  explain?: boolean
}

/**
 * Derives status, due dates, problems and explanation from a case log (linear in events and days).
 * Events that break the statute's order are ignored and reported in `problems`; a log that does not start with
 * `received` throws `DomainError('invalid_input')`, a malformed date throws `InvalidDateError`.
 */
export function deriveCaseClock(
  events: readonly ClockEvent[],
  calendar: HolidayCalendar,
  options: DeriveOptions = {},
): CaseClock {
  const rules = options.rules ?? DEFAULT_CLOCK_RULES
  const facts = foldCaseEvents(events, rules.maxExtensionWorkingDays)
  const receipt = receiptDate(facts.channel, facts.arrivedOn, facts.confirmedOn)
  const received = receipt.status === 'known' ? receipt.date : null
  // Explicit literals rather than object spread, which is slow in this hot path (see bench/case-clock).
  const c = facts.correction
  const correction = c
    ? {
        requestedOn: c.requestedOn,
        periodWorkingDays: c.periodWorkingDays,
        eventIndex: c.eventIndex,
        receivedOn: c.receivedOn,
        expired: c.expired,
        applicantDue: dueAfter(calendar, c.requestedOn, c.periodWorkingDays),
      }
    : null
  const consultations = facts.consultations.map((k) => consultationClock(k, calendar, rules))
  // 国办函〔2020〕109号: 20 working days counted from the day after the applicant received the notice.
  const f = facts.fee
  const fee = f
    ? {
        noticeOn: f.noticeOn,
        deliveredOn: f.deliveredOn,
        method: f.method,
        amountYuan: f.amountYuan,
        paidOn: f.paidOn,
        missed: f.missed,
        paymentDue: dueAfter(calendar, f.deliveredOn, rules.feePaymentWorkingDays),
      }
    : null
  const explain = options.explain ?? true
  const { answer, explanation } = deriveAnswer(calendar, facts, received, rules, explain)
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
      ? { on: facts.conclusion.on, outcome: facts.conclusion.outcome, closedOn: facts.closedOn }
      : null,
    unknownYears: [],
    problems: facts.problems,
    notes: [],
    explanation,
  }
  clock.problems = [...facts.problems, ...checkDeadlines(clock, facts, calendar, rules)].sort(
    (a, b) => a.eventIndex - b.eventIndex,
  )
  clock.unknownYears = unknownYearsOf(clock)
  if (explain) clock.notes = writeClockNotes(clock, facts, rules)
  return clock
}

interface AnswerResult {
  answer: AnswerDeadline
  explanation: ExplanationDay[]
}

function notStarted(limit: number): AnswerResult {
  return {
    answer: {
      state: 'not_started',
      startedOn: null,
      limitWorkingDays: limit,
      countedWorkingDays: 0,
      statutoryDue: null,
      due: null,
    },
    explanation: [],
  }
}

function deriveAnswer(
  calendar: HolidayCalendar,
  facts: CaseFacts,
  received: IsoDate | null,
  rules: ClockRules,
  explain: boolean,
): AnswerResult {
  const limit = rules.answerWorkingDays + (facts.extension?.workingDays ?? 0)
  if (received === null) return notStarted(limit)
  const correction = facts.correction
  // 条例第三十条: after a 补正 notice the period runs from receipt of the corrected application.
  if (correction && correction.receivedOn === undefined) return notStarted(limit)
  const start = correction?.receivedOn ?? received
  const walk = walkAnswerPeriod(calendar, start, limit, pauseSpansOf(facts, rules), explain)
  // Plain literals, not `{ ...base }`, and no per-call closures: both showed up at the top of the profile of a
  // 100 000-case recomputation (bench/case-clock).
  const counted = walk.counted
  if (walk.end.kind === 'paused') {
    const paused = answerDeadline('paused', start, limit, counted, null, null)
    paused.pausedSince = walk.end.since
    return { answer: paused, explanation: walk.days }
  }
  if (walk.end.kind === 'calendar_unknown') {
    const due: DueDate = { status: 'calendar_unknown', year: walk.end.year, date: walk.end.date }
    return {
      answer: answerDeadline('calendar_unknown', start, limit, counted, due, due),
      explanation: walk.days,
    }
  }
  const statutoryDue: DueDate = { status: 'due', date: walk.end.date }
  // 条例第三十五条: a later, reasonable deadline set by the agency binds instead.
  const art35 = facts.art35
  const due: DueDate =
    art35 && art35.newDueDate > walk.end.date ? { status: 'due', date: art35.newDueDate } : statutoryDue
  return {
    answer: answerDeadline('running', start, limit, counted, statutoryDue, due),
    explanation: walk.days,
  }
}

function answerDeadline(
  state: AnswerDeadline['state'],
  startedOn: IsoDate,
  limitWorkingDays: number,
  countedWorkingDays: number,
  statutoryDue: DueDate | null,
  due: DueDate | null,
): AnswerDeadline {
  return { state, startedOn, limitWorkingDays, countedWorkingDays, statutoryDue, due }
}

// The consulted party answers within 15 working days of receiving the letter (条例第三十二条、第三十四条).
function consultationClock(
  c: ConsultationFacts,
  calendar: HolidayCalendar,
  rules: ClockRules,
): ConsultationClock {
  return {
    id: c.id,
    party: c.party,
    startedOn: c.startedOn,
    deliveredOn: c.deliveredOn,
    answeredOn: c.answeredOn,
    objection: c.objection,
    replyDue: dueAfter(calendar, c.deliveredOn, rules.consultationWorkingDays),
  }
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
  ]
  for (const c of clock.consultations) dues.push(c.replyDue)
  const years: number[] = []
  for (const due of dues) {
    if (due?.status === 'calendar_unknown' && !years.includes(due.year)) years.push(due.year)
  }
  return years.sort((a, b) => a - b)
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
