// Folds a case log into plain facts in one pass, recording problems for events that break the statute's
// order. No calendar here: dates are compared as ISO strings, which order correctly.
import type { IsoDate } from '../calendar/index.ts'
import { DomainError } from '../shared/domain-error.ts'
import { clockProblem } from './clock-problems.ts'
import type { ClockProblem } from './clock-problems.ts'
import type { ClockEvent, ClockEventOf, ConsultedParty, FeeMethod, ReceiptChannel } from './clock-events.ts'
import type { CaseOutcome } from './outcomes.ts'
import { needsConfirmation } from './receipt-date.ts'

/** One consultation (第三十二条/第三十四条) and its answer. */
export interface ConsultationFacts {
  id: string
  party: ConsultedParty
  startedOn: IsoDate
  deliveredOn: IsoDate
  answeredOn?: IsoDate
  objection?: boolean
}

/** Everything the events established, before any calendar arithmetic. */
export interface CaseFacts {
  channel: ReceiptChannel
  arrivedOn: IsoDate
  confirmedOn?: IsoDate
  correction?: {
    requestedOn: IsoDate
    periodWorkingDays: number
    eventIndex: number
    receivedOn?: IsoDate
    expired?: { on: IsoDate; eventIndex: number }
  }
  consultations: ConsultationFacts[]
  extension?: { approvedOn: IsoDate; approver: string; workingDays: number; eventIndex: number }
  fee?: {
    noticeOn: IsoDate
    deliveredOn: IsoDate
    method: FeeMethod
    amountYuan: number
    paidOn?: IsoDate
    missed?: { on: IsoDate; eventIndex: number }
  }
  art35?: { setOn: IsoDate; newDueDate: IsoDate }
  conclusion?: { on: IsoDate; outcome: CaseOutcome; eventIndex: number }
  closedOn?: IsoDate
  problems: ClockProblem[]
}

/**
 * Folds the log; throws `DomainError('invalid_input')` when it does not start with `received`.
 * `maxExtensionWorkingDays` is the statutory 20 (条例第三十三条第二款) unless the rules say otherwise.
 */
export function foldCaseEvents(events: readonly ClockEvent[], maxExtensionWorkingDays = 20): CaseFacts {
  const first = events[0]
  if (first?.type !== 'received') {
    throw new DomainError('invalid_input', '案件事件记录必须以“收到申请”开始')
  }
  const facts: CaseFacts = { channel: first.channel, arrivedOn: first.on, consultations: [], problems: [] }
  let lastOn = first.on
  for (let i = 1; i < events.length; i++) {
    const event = events[i]
    if (event === undefined) continue
    const problem = checkPlacement(facts, event, lastOn)
    if (problem !== undefined) {
      facts.problems.push(clockProblem(problem, i))
      continue
    }
    lastOn = event.on
    const code = apply(facts, event, i, maxExtensionWorkingDays)
    if (code !== undefined) facts.problems.push(clockProblem(code, i))
  }
  return facts
}

type ProblemCode = ClockProblem['code']

// Problems that make an event meaningless wherever it is.
function checkPlacement(facts: CaseFacts, event: ClockEvent, lastOn: IsoDate): ProblemCode | undefined {
  if (event.on < lastOn) return 'event_out_of_order'
  if (event.type === 'received') return 'second_receipt'
  if (facts.conclusion !== undefined) {
    return event.type === 'closed' && facts.closedOn === undefined ? undefined : 'event_after_conclusion'
  }
  if (event.type === 'confirmed') return undefined
  if (event.type === 'closed') return 'closed_without_outcome'
  const receiptKnown = !needsConfirmation(facts.channel) || facts.confirmedOn !== undefined
  return receiptKnown ? undefined : 'event_before_receipt'
}

// Records one event; returns a problem code when the event is refused.
function apply(
  facts: CaseFacts,
  event: ClockEvent,
  index: number,
  maxExtension: number,
): ProblemCode | undefined {
  switch (event.type) {
    case 'confirmed':
      if (!needsConfirmation(facts.channel)) return 'confirmation_not_needed'
      if (facts.confirmedOn !== undefined) return 'confirmation_not_needed'
      if (event.on < facts.arrivedOn) return 'confirmation_before_arrival'
      facts.confirmedOn = event.on
      return undefined
    case 'correction_requested':
      // 条例第三十条: one notice listing everything to correct.
      if (facts.correction !== undefined) return 'second_correction_request'
      facts.correction = {
        requestedOn: event.on,
        periodWorkingDays: event.correctionPeriodWorkingDays,
        eventIndex: index,
      }
      return undefined
    case 'correction_received':
    case 'correction_expired':
      return applyCorrectionResult(facts, event, index)
    case 'consultation_started':
      if (facts.consultations.some((c) => c.id === event.id)) return 'duplicate_consultation'
      facts.consultations.push(consultationOf(event))
      return undefined
    case 'consultation_answered': {
      const consultation = facts.consultations.find((c) => c.id === event.id && c.answeredOn === undefined)
      if (consultation === undefined) return 'unknown_consultation'
      consultation.answeredOn = event.on
      consultation.objection = event.objection
      return undefined
    }
    case 'extension_approved':
      return applyExtension(facts, event, index, maxExtension)
    case 'fee_notice_sent':
      if (facts.fee !== undefined) return 'second_fee_notice'
      facts.fee = {
        noticeOn: event.on,
        deliveredOn: event.deliveredOn ?? event.on,
        method: event.method,
        amountYuan: event.amountYuan,
      }
      return undefined
    case 'fee_paid':
    case 'fee_deadline_missed':
      return applyFeeResult(facts, event, index)
    case 'delay_set_art35':
      facts.art35 = { setOn: event.on, newDueDate: event.newDueDate }
      return undefined
    case 'answered':
      facts.conclusion = { on: event.on, outcome: event.answerType, eventIndex: index }
      return undefined
    case 'closed':
      facts.closedOn = event.on
      return undefined
    case 'received':
      return 'second_receipt'
  }
}

function consultationOf(event: ClockEventOf<'consultation_started'>): ConsultationFacts {
  return { id: event.id, party: event.party, startedOn: event.on, deliveredOn: event.deliveredOn ?? event.on }
}

function applyCorrectionResult(
  facts: CaseFacts,
  event: ClockEventOf<'correction_received' | 'correction_expired'>,
  index: number,
): ProblemCode | undefined {
  const correction = facts.correction
  if (correction === undefined || correction.receivedOn !== undefined) return 'correction_without_request'
  if (event.type === 'correction_received') {
    correction.receivedOn = event.on
    return undefined
  }
  correction.expired = { on: event.on, eventIndex: index }
  facts.conclusion = { on: event.on, outcome: 'abandoned_no_correction', eventIndex: index }
  return undefined
}

function applyExtension(
  facts: CaseFacts,
  event: ClockEventOf<'extension_approved'>,
  index: number,
  maxExtension: number,
): ProblemCode | undefined {
  // 条例第三十三条第二款: extended once, by at most 20 working days.
  if (facts.extension !== undefined) return 'second_extension'
  if (!Number.isSafeInteger(event.workingDays) || event.workingDays < 1 || event.workingDays > maxExtension) {
    return 'extension_out_of_range'
  }
  facts.extension = {
    approvedOn: event.on,
    approver: event.approver,
    workingDays: event.workingDays,
    eventIndex: index,
  }
  return undefined
}

function applyFeeResult(
  facts: CaseFacts,
  event: ClockEventOf<'fee_paid' | 'fee_deadline_missed'>,
  index: number,
): ProblemCode | undefined {
  const fee = facts.fee
  if (fee === undefined || fee.paidOn !== undefined) return 'fee_without_notice'
  if (event.type === 'fee_paid') {
    fee.paidOn = event.on
    return undefined
  }
  fee.missed = { on: event.on, eventIndex: index }
  facts.conclusion = { on: event.on, outcome: 'abandoned_fee_unpaid', eventIndex: index }
  return undefined
}
