// The events of an application's case log that move its statutory clock (条例第三十条至第三十五条). A case is an
// append-only list of these; its status and due dates are derived from them by `deriveCaseClock`, never stored.
import type { IsoDate } from '../calendar/index.ts'
import type { AnswerType } from './outcomes.ts'

/** How an application reached the agency; decides its receipt date (条例第三十一条). */
export type ReceiptChannel = 'in_person' | 'oral' | 'post_signed' | 'post_plain' | 'online' | 'fax'

/** Chinese names of the channels, for forms and letters. */
export const RECEIPT_CHANNEL_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  in_person: '当面提交',
  oral: '口头提出（代为填写）',
  post_signed: '邮寄（需签收）',
  post_plain: '平信邮寄（无需签收）',
  online: '互联网渠道',
  fax: '传真',
}

/** Who is consulted while the clock is paused: a third party (第三十二条) or another agency (第三十四条). */
export type ConsultedParty = 'third_party' | 'other_agency'

/** How an information-processing fee is charged (国办函〔2020〕109号第三条): one method per application. */
export type FeeMethod = 'per_application' | 'per_volume'

/**
 * Every event that can appear in a case log. Each has `on`, the calendar date on which it legally happened
 * (not the moment it was typed in), which is what the statute counts from.
 */
export type ClockEvent =
  /** The application arrived. For `in_person`/`oral` it was handed in on `on`; for `post_signed` the office
   * signed for it on `on`; for `post_plain`/`online`/`fax` it arrived on `on` and still needs `confirmed`. */
  | { type: 'received'; on: IsoDate; channel: ReceiptChannel }
  /** Office and applicant confirmed receipt (条例第三十一条第（二）（三）项): the receipt date. */
  | { type: 'confirmed'; on: IsoDate }
  /** 补正 notice sent (条例第三十条), listing everything to correct, with the period the applicant is given. */
  | {
      type: 'correction_requested'
      on: IsoDate
      correctionPeriodWorkingDays: number
      items: readonly string[]
    }
  /** The corrected application was received: the answer period starts again from `on`. */
  | { type: 'correction_received'; on: IsoDate }
  /** The applicant did not correct in time without good reason: the application is treated as abandoned. */
  | { type: 'correction_expired'; on: IsoDate }
  /** A consultation letter was sent; `id` pairs it with its answer. `deliveredOn` is when the consulted
   * party received it, from which its own 15 working days run (defaults to `on`). */
  | { type: 'consultation_started'; on: IsoDate; id: string; party: ConsultedParty; deliveredOn?: IsoDate }
  /** The consulted party answered (or its period ran out and the office resumed work). */
  | { type: 'consultation_answered'; on: IsoDate; id: string; objection: boolean }
  /** The head of the disclosure office approved extending the answer period (条例第三十三条第二款). */
  | { type: 'extension_approved'; on: IsoDate; approver: string; workingDays: number; reason: string }
  /** A 收费通知 was sent (国办函〔2020〕109号); `deliveredOn` is when the applicant received it (defaults to `on`). */
  | { type: 'fee_notice_sent'; on: IsoDate; method: FeeMethod; amountYuan: number; deliveredOn?: IsoDate }
  /** The applicant paid the fee. */
  | { type: 'fee_paid'; on: IsoDate }
  /** The payment period ended without payment: the application is treated as abandoned. */
  | { type: 'fee_deadline_missed'; on: IsoDate }
  /** 条例第三十五条: applications beyond a reasonable range, reasons accepted, a reasonable later deadline set. */
  | { type: 'delay_set_art35'; on: IsoDate; newDueDate: IsoDate; reason: string }
  /** The answer (答复) was made; the answer type decides the 表三 outcome row (see `outcomes.ts`). */
  | { type: 'answered'; on: IsoDate; answerType: AnswerType }
  /** The case file was closed (归档) after it was concluded. */
  | { type: 'closed'; on: IsoDate }

/** The event names, a closed union. */
export type ClockEventType = ClockEvent['type']

/** One event type's payload, e.g. `ClockEventOf<'extension_approved'>`. */
export type ClockEventOf<T extends ClockEventType> = Extract<ClockEvent, { type: T }>

/** What each event means, in Chinese, with the article it implements. */
export const CLOCK_EVENT_DESCRIPTIONS: Readonly<Record<ClockEventType, string>> = {
  received: '收到申请',
  confirmed: '确认收到申请（条例第三十一条）',
  correction_requested: '发出补正告知（条例第三十条）',
  correction_received: '收到补正后的申请，答复期限重新计算（条例第三十条）',
  correction_expired: '申请人逾期未补正，视为放弃申请（条例第三十条）',
  consultation_started:
    '征求意见（条例第三十二条、第三十四条），征求意见时间不计入答复期限（条例第三十三条第三款）',
  consultation_answered: '收到征求意见答复，恢复计算答复期限',
  extension_approved: '经政府信息公开工作机构负责人同意延长答复期限（条例第三十三条第二款）',
  fee_notice_sent: '发出收费通知（国办函〔2020〕109号）',
  fee_paid: '申请人已缴纳信息处理费',
  fee_deadline_missed: '申请人逾期未缴纳信息处理费，视为放弃申请',
  delay_set_art35: '确定延迟答复的合理期限（条例第三十五条）',
  answered: '作出答复',
  closed: '办结归档',
}

const PARTY_LABELS: Readonly<Record<ConsultedParty, string>> = {
  third_party: '第三方（条例第三十二条）',
  other_agency: '其他行政机关（条例第三十四条）',
}

/** One line describing an event with its payload, for the case history, e.g. 2025-10-09 延长答复期限…. */
export function describeClockEvent(event: ClockEvent): string {
  const base = `${event.on} ${CLOCK_EVENT_DESCRIPTIONS[event.type]}`
  switch (event.type) {
    case 'received':
      return `${base}（${RECEIPT_CHANNEL_LABELS[event.channel]}）`
    case 'correction_requested':
      return `${base}：${event.items.join('；')}；补正期限${event.correctionPeriodWorkingDays}个工作日`
    case 'consultation_started':
      return `${base}：${PARTY_LABELS[event.party]}`
    case 'consultation_answered':
      return `${base}${event.objection ? '（提出异议）' : ''}`
    case 'extension_approved':
      return `${base}：${event.workingDays}个工作日，批准人${event.approver}，理由：${event.reason}`
    case 'fee_notice_sent':
      return `${base}：${event.amountYuan}元（${event.method === 'per_application' ? '按件' : '按量'}计收）`
    case 'delay_set_art35':
      return `${base}：答复期限延至${event.newDueDate}，理由：${event.reason}`
    default:
      return base
  }
}
