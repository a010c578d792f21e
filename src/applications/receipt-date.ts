// The date an application counts as received, by channel (条例第三十一条). The answer clock starts here.
import type { IsoDate } from '../calendar/index.ts'
import type { ReceiptChannel } from './clock-events.ts'

/** The receipt date, or why there is none yet. */
export type ReceiptDate =
  | { status: 'known'; date: IsoDate; rule: string }
  | { status: 'awaiting_confirmation'; arrivedOn: IsoDate; rule: string }

const RULES: Readonly<Record<ReceiptChannel, string>> = {
  // 第三十一条第（一）项; an oral application recorded by the office is handed in the same way [derived].
  in_person: '当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）',
  oral: '口头提出、由工作机构代为填写的，以提出之日为收到申请之日（参照条例第三十一条第（一）项）',
  // 第三十一条第（二）项, first half.
  post_signed: '以邮寄方式提交、需要签收的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）',
  // 第三十一条第（二）项, second half: the office confirms with the applicant on the day it arrives.
  post_plain:
    '以平常信函等无需签收的方式提交的，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）',
  // 第三十一条第（三）项.
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）',
  fax: '通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）',
}

/** True for channels whose receipt date is a confirmation with the applicant, not the day of arrival. */
export function needsConfirmation(channel: ReceiptChannel): boolean {
  return channel === 'post_plain' || channel === 'online' || channel === 'fax'
}

/**
 * The receipt date of an application (条例第三十一条): the day it arrived for in-person, oral and signed-for
 * post; the confirmation day for plain post, the internet channel and fax (awaiting until confirmed).
 */
export function receiptDate(channel: ReceiptChannel, arrivedOn: IsoDate, confirmedOn?: IsoDate): ReceiptDate {
  const rule = RULES[channel]
  if (!needsConfirmation(channel)) return { status: 'known', date: arrivedOn, rule }
  if (confirmedOn === undefined) return { status: 'awaiting_confirmation', arrivedOn, rule }
  return { status: 'known', date: confirmedOn, rule }
}
