/**
 * 依申请公开: the pure rules of a case — its clock events, the receipt date by channel (条例第三十一条), the one
 * function that derives status and due dates from the event log (条例第三十条至第三十五条), the 信息处理费
 * calculator (国办函〔2020〕109号) and the mapping of answers to 表三 rows; then the storage-backed operations
 * (intake, case steps, work queue, public tracking, letters) that web, API and CLI call.
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
  /** Short Chinese names of the statuses (lists, exports). */
  CASE_STATUS_LABELS,
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

// ── Storage-backed operations (each: validate → policy → event → derived columns → audit, one transaction) ──
export type { Applicant, ApplicantType, DeliveryMethod, FormWanted, IdType, OrgSubtype } from './applicant.ts'
export {
  APPLICANT_TYPE_LABELS,
  DELIVERY_METHOD_LABELS,
  FORM_WANTED_LABELS,
  ID_TYPE_LABELS,
  maskAddress,
  maskApplicant,
  maskEmail,
  maskIdNumber,
  maskPhone,
  ORG_SUBTYPE_LABELS,
} from './applicant.ts'
export {
  ATTACHMENT_LIMITS,
  OnlineApplicationSchema,
  STAFF_CHANNELS,
  StaffApplicationSchema,
} from './application.schema.ts'
export type { AttachmentInput, OnlineApplicationInput, StaffApplicationInput } from './application.schema.ts'
export {
  APPLICATION_ACTIONS,
  APPLICATION_RULES,
  applicationAbilities,
  applicationScope,
  authorizeApplication,
  canApplication,
  mayRevealApplicant,
} from './application.policy.ts'
export type { ApplicationAction, ApplicationScope } from './application.policy.ts'
export { normaliseTrackingCode } from './tracking-code.ts'
export { OPEN_STATUSES } from './work-queue.queries.ts'
export type { WorkQueueRow, WorkQueueView } from './work-queue.queries.ts'
export type { CaseChange } from './operations/append-case-event.ts'
export type { OperationOptions } from './operations/operation-options.ts'
/** Public intake (no actor) and staff intake (条例第二十九条、第三十一条). */
export { submitOnlineApplication } from './operations/submit-online-application.ts'
export type { SubmittedApplication } from './operations/submit-online-application.ts'
export { recordStaffApplication } from './operations/record-staff-application.ts'
/** Case steps; each appends one event after `problemsOfNewEvent` allows it. */
export { confirmReceipt } from './operations/confirm-receipt.ts'
export { requestCorrection } from './operations/request-correction.ts'
export { recordCorrection } from './operations/record-correction.ts'
export { markCorrectionExpired } from './operations/mark-correction-expired.ts'
export { startConsultation } from './operations/start-consultation.ts'
export { recordConsultationAnswer } from './operations/record-consultation-answer.ts'
export { approveExtension } from './operations/approve-extension.ts'
export { sendFeeNotice } from './operations/send-fee-notice.ts'
export { recordFeePaid } from './operations/record-fee-paid.ts'
export { markFeeDeadlineMissed } from './operations/mark-fee-deadline-missed.ts'
export { setArt35Delay } from './operations/set-art35-delay.ts'
export { answerApplication } from './operations/answer-application.ts'
export { closeCase } from './operations/close-case.ts'
/** 承办人: assign, reassign or release a case (audited). */
export { assignOfficer } from './operations/assign-officer.ts'
export type { AssignOfficerInput } from './operations/assign-officer.ts'
/** The officers a case of an agency may be assigned to. */
export { listCaseOfficers } from './operations/list-case-officers.ts'
/** Reading: case page, work queue, audited reveal of personal data, public tracking. */
export { getCase } from './operations/get-case.ts'
export type { CaseDetail } from './operations/get-case.ts'
export { listWorkQueue, ListWorkQueueSchema } from './operations/list-work-queue.ts'
export type { ListWorkQueueInput, WorkQueuePage } from './operations/list-work-queue.ts'
export { revealApplicantDetails } from './operations/reveal-applicant-details.ts'
/** The work queue as CSV; personal data only for roles and cases that may see it (audited). */
export { EXPORT_MAX_ROWS, exportWorkQueue } from './operations/export-work-queue.ts'
export type { ExportWorkQueueInput } from './operations/export-work-queue.ts'
export { trackApplication, trackedLetterFile } from './operations/track-application.ts'
export type { TrackApplicationInput, TrackedApplication } from './operations/track-application.ts'
export { trackCaseProgress } from './operations/track-case-progress.ts'
export type { TrackedCorrection, TrackedDeadline, TrackedProgress } from './operations/track-case-progress.ts'
/** Letters: send (number, render, freeze), fetch, and the per-agency templates and settings. */
export { PREVIEW_NUMBER_MARK, previewLetter, sendLetter } from './operations/send-letter.ts'
export type { SendLetterInput, SentLetter } from './operations/send-letter.ts'
export { getLetterFile } from './operations/get-letter-file.ts'
export { saveLetterSettings, saveLetterTemplate } from './operations/save-letter-template.ts'
export { DEFAULT_TEMPLATES } from './letters/default-templates.ts'
export { LETTER_KIND_LABELS, LETTER_KINDS } from './letters/letter-kinds.ts'
export type { LetterKind } from './letters/letter-kinds.ts'
export { PLACEHOLDERS, escapeHtml, fillTemplate } from './letters/template.ts'
export { needsReviewFirst, remedyStatement } from './letters/remedy.ts'
