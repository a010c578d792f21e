// Which steps the case page offers in each derived state (the operations still decide), and the queue URLs.
import { describe, expect, it } from 'vitest'
import { deriveCaseClock, type CaseDetail, type ClockEvent } from './applications-surface.ts'
import { nationalCalendar } from '../../../calendar/index.ts'
import { availableSteps, isStep } from './case-steps.ts'
import { queueUrl } from './queue-page.tsx'

function detailOf(events: ClockEvent[]): CaseDetail {
  return { clock: deriveCaseClock(events, nationalCalendar()) } as CaseDetail
}

const received: ClockEvent = { type: 'received', on: '2026-03-02', channel: 'in_person' }

describe('availableSteps', () => {
  it('offers 确认 only while an online case awaits confirmation (条例第三十一条)', () => {
    expect(availableSteps(detailOf([{ type: 'received', on: '2026-03-02', channel: 'online' }]))).toEqual([
      'confirm',
    ])
  })

  it('offers 补正 once, and 延期 once (条例第三十条、第三十三条第二款)', () => {
    expect(availableSteps(detailOf([received]))).toEqual([
      'request_correction',
      'start_consultation',
      'extension',
      'fee_notice',
      'art35',
      'answer',
    ])
    const corrected = detailOf([
      received,
      { type: 'correction_requested', on: '2026-03-03', correctionPeriodWorkingDays: 10, items: ['文号'] },
      { type: 'correction_received', on: '2026-03-05' },
      { type: 'extension_approved', on: '2026-03-20', approver: '主任', workingDays: 20, reason: '复杂' },
    ])
    expect(availableSteps(corrected)).not.toContain('request_correction')
    expect(availableSteps(corrected)).not.toContain('extension')
  })

  it('waits for the applicant while 补正 is open, and only closes an answered case', () => {
    const waiting = detailOf([
      received,
      { type: 'correction_requested', on: '2026-03-03', correctionPeriodWorkingDays: 10, items: ['文号'] },
    ])
    expect(availableSteps(waiting)).toEqual(['record_correction', 'correction_expired'])
    const answered = detailOf([received, { type: 'answered', on: '2026-03-10', answerType: 'disclosed' }])
    expect(availableSteps(answered)).toEqual(['close'])
    expect(
      availableSteps(
        detailOf([
          received,
          { type: 'answered', on: '2026-03-10', answerType: 'disclosed' },
          { type: 'closed', on: '2026-03-11' },
        ]),
      ),
    ).toEqual([])
  })

  it('knows its step names', () => {
    expect(isStep('answer')).toBe(true)
    expect(isStep('delete')).toBe(false)
  })
})

describe('queueUrl', () => {
  it('keeps the filters, leaves defaults out and encodes the search', () => {
    expect(queueUrl('/admin/applications', { view: 'open', mine: false, search: '', page: 1 })).toBe(
      '/admin/applications',
    )
    expect(
      queueUrl('/admin/applications', { view: 'overdue', mine: true, search: '道路 养护&', page: 3 }),
    ).toBe(
      '/admin/applications?view=overdue&officer=mine&search=%E9%81%93%E8%B7%AF+%E5%85%BB%E6%8A%A4%26&page=3',
    )
  })
})
