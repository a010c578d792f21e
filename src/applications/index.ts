/**
 * 依申请公开: the pure rules of a case — its clock events, the receipt date by channel (条例第三十一条), the one
 * function that derives status and due dates from the event log (条例第三十条至第三十五条), the 信息处理费
 * calculator (国办函〔2020〕109号) and the mapping of answers to 表三 rows. Storage, web and operations come later
 * and build on this surface only.
 */
export type {
  /** One event of a case log (closed union). */
  ClockEvent,
  /** One event type's payload. */
  ClockEventOf,
  /** The event names. */
  ClockEventType,
  /** Who is consulted: a third party or another agency. */
  ConsultedParty,
  /** 按件 or 按量. */
  FeeMethod,
  /** How the application arrived. */
  ReceiptChannel,
} from './clock-events.ts'
export {
  /** Chinese meaning of each event type, with its article. */
  CLOCK_EVENT_DESCRIPTIONS,
  /** One Chinese line describing an event and its payload. */
  describeClockEvent,
  /** Chinese names of the receipt channels. */
  RECEIPT_CHANNEL_LABELS,
} from './clock-events.ts'
export type {
  /** The receipt date, or that it awaits confirmation. */
  ReceiptDate,
} from './receipt-date.ts'
export {
  /** True for channels whose receipt date is a confirmation (plain post, internet, fax). */
  needsConfirmation,
  /** The receipt date under 条例第三十一条. */
  receiptDate,
} from './receipt-date.ts'
export type {
  /** The statute's time limits and the fee-pause option. */
  ClockRules,
  /** A due date, or the unknown year that prevented it. */
  DueDate,
} from './clock-rules.ts'
export {
  /** Statutory limits; the fee period does not pause the answer clock by default. */
  DEFAULT_CLOCK_RULES,
} from './clock-rules.ts'
export type {
  /** Derived case status. */
  CaseStatus,
} from './case-status.ts'
export {
  /** Chinese descriptions of the statuses. */
  CASE_STATUS_DESCRIPTIONS,
  /** True for answered, abandoned and closed. */
  isConcluded,
} from './case-status.ts'
export type {
  /** A problem in a case log (error: refused / ignored; warning: shown). */
  ClockProblem,
  /** Problem codes. */
  ClockProblemCode,
} from './clock-problems.ts'
export type {
  /** One day of the deadline explanation. */
  ExplanationDay,
  /** counted, weekend, holiday or paused. */
  ExplanationKind,
} from './answer-clock.ts'
export type {
  /** The answer period as derived. */
  AnswerDeadline,
  /** Everything derived from a case log. */
  CaseClock,
  /** A consultation with its reply deadline. */
  ConsultationClock,
  /** Options of `deriveCaseClock`. */
  DeriveOptions,
} from './deadline.ts'
export {
  /** THE function deriving status, due dates, problems and explanation from a case log. */
  deriveCaseClock,
  /** True when an open case is past its binding due date. */
  isOverdue,
  /** Problems that appending an event would introduce (operations refuse errors). */
  problemsOfNewEvent,
} from './deadline.ts'
export type {
  /** A fee with its bands. */
  FeeQuote,
  /** One band of a fee. */
  FeeBand,
  /** 按件 or 按量 input (one method per application). */
  FeeInput,
} from './fees.ts'
export {
  /** 按件 rate of the n-th application in a month. */
  perApplicationRate,
  /** 按量 rate of the n-th page. */
  perVolumeRate,
  /** The fee of one application. */
  quoteFee,
} from './fees.ts'
export type {
  /** The answer an officer gives. */
  AnswerType,
  /** Every way a case concludes. */
  CaseOutcome,
  /** Mapping certainty. */
  MappingCertainty,
  /** Where an outcome is counted. */
  OutcomeMapping,
  /** A 表三 row with its label. */
  OutcomeRow,
} from './outcomes.ts'
export {
  /** Outcome → 表三 rows and legal basis (§4.7). */
  OUTCOME_MAPPINGS,
  /** The 表三 row of an outcome in a format. */
  outcomeRow,
} from './outcomes.ts'
