// The pure presenters of the public 依申请公开 pages: the deadline in words for every state, the tracking code
// grouping, Chinese dates, and domain field keys mapped back to the form's inputs.
import { describe, expect, it } from 'vitest'
import { chineseDate } from './form-parts.tsx'
import { formFieldErrors } from './intake-input.ts'
import { groupedCode } from './receipt-page.tsx'
import { deadlineText } from './tracking-page.tsx'

describe('deadlineText', () => {
  it.each([
    [
      { kind: 'due', date: '2026-03-31', limitWorkingDays: 20 } as const,
      'in_progress',
      '2026年3月31日（20个工作日）',
    ],
    [
      { kind: 'due', date: '2026-04-29', limitWorkingDays: 40 } as const,
      'in_progress',
      '2026年4月29日（40个工作日）',
    ],
    [{ kind: 'calendar_unknown', year: 2027 } as const, 'in_progress', '2027年的法定节假日安排尚未公布'],
    [
      { kind: 'paused', since: '2026-03-10', countedWorkingDays: 5 } as const,
      'in_consultation',
      '自2026年3月10日起',
    ],
    [{ kind: 'not_started' } as const, 'awaiting_confirmation', '自双方确认收到申请之日起计算'],
    [{ kind: 'not_started' } as const, 'awaiting_correction', '自收到补正后的申请之日起重新计算'],
    [{ kind: 'concluded' } as const, 'answered', '已办结'],
  ] as const)('%j (%s) → …%s…', (deadline, status, expected) => {
    expect(deadlineText(deadline, status)).toContain(expected)
  })

  it('says which article excludes consultation time when paused', () => {
    expect(deadlineText({ kind: 'paused', since: null, countedWorkingDays: 3 }, 'in_consultation')).toBe(
      '暂停计算：征求第三方或其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款），已计算3个工作日。',
    )
  })
})

describe('groupedCode and chineseDate', () => {
  it('groups a 12-character code in fours', () => {
    expect(groupedCode('7K3M9QXR2BTD')).toBe('7K3M 9QXR 2BTD')
  })
  it('writes dates without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(chineseDate('2025-10-31')).toBe('2025年10月31日')
  })
})

describe('formFieldErrors', () => {
  it('maps attachment errors to the file input they came from and keeps field keys', () => {
    const attachments = [
      {
        kind: 'authorisation' as const,
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        content: new Uint8Array(1),
      },
      { kind: 'id_copy' as const, fileName: 'b.png', mediaType: 'image/png', content: new Uint8Array(1) },
    ]
    expect(
      formFieldErrors(
        {
          name: '请填写申请人姓名或名称',
          'attachments.1.fileName': '附件文件名不能超过200个字符',
          'attachments.0.content': '附件不能为空',
        },
        attachments,
      ),
    ).toEqual({
      name: '请填写申请人姓名或名称',
      idCopy: '附件文件名不能超过200个字符',
      authorisation: '附件不能为空',
    })
  })
})
