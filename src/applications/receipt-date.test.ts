// 条例第三十一条: the receipt date by channel.
import { describe, expect, it } from 'vitest'
import type { ReceiptChannel } from './clock-events.ts'
import { describeClockEvent } from './clock-events.ts'
import { receiptDate } from './receipt-date.ts'

describe('receiptDate (条例第三十一条)', () => {
  it.each<[ReceiptChannel, string | undefined, string]>([
    ['in_person', undefined, '2025-03-03'], // 第（一）项: the day it is handed in
    ['oral', undefined, '2025-03-03'],
    ['post_signed', undefined, '2025-03-03'], // 第（二）项: the day the office signs for it
    ['post_plain', '2025-03-04', '2025-03-04'], // 第（二）项: the day of confirmation with the applicant
    ['online', '2025-03-05', '2025-03-05'], // 第（三）项: the day both sides confirm
    ['fax', '2025-03-05', '2025-03-05'],
  ])('%s arriving 2025-03-03, confirmed %s → %s', (channel, confirmedOn, expected) => {
    expect(receiptDate(channel, '2025-03-03', confirmedOn)).toMatchObject({ status: 'known', date: expected })
  })

  it.each<ReceiptChannel>(['post_plain', 'online', 'fax'])('%s waits for confirmation', (channel) => {
    expect(receiptDate(channel, '2025-03-03')).toMatchObject({
      status: 'awaiting_confirmation',
      arrivedOn: '2025-03-03',
    })
  })

  it('cites the article in the rule it applied', () => {
    expect(receiptDate('online', '2025-03-03', '2025-03-05').rule).toContain('第三十一条第（三）项')
  })
})

describe('describeClockEvent', () => {
  it('names the approver and days of an extension', () => {
    expect(
      describeClockEvent({
        type: 'extension_approved',
        on: '2025-10-28',
        approver: '李主任',
        workingDays: 20,
        reason: '需调取档案',
      }),
    ).toBe(
      '2025-10-28 经政府信息公开工作机构负责人同意延长答复期限（条例第三十三条第二款）：20个工作日，批准人李主任，理由：需调取档案',
    )
  })

  it('names the channel of a receipt', () => {
    expect(describeClockEvent({ type: 'received', on: '2025-03-03', channel: 'post_signed' })).toBe(
      '2025-03-03 收到申请（邮寄（需签收））',
    )
  })
})
