import { describe, expect, it } from 'vitest'
import { feeParagraph, summariseFees } from './fee-summary.ts'
import { gateFindings } from './gate.ts'

describe('summariseFees', () => {
  it('counts notices and their total, and collects the amount of the notice a case paid', () => {
    const fees = summariseFees([
      { applicationId: 1, type: 'fee_notice_sent', payload: '{"amountYuan":200}', on: '2025-03-01' },
      { applicationId: 2, type: 'fee_notice_sent', payload: '{"amountYuan":100}', on: '2025-04-01' },
      { applicationId: 1, type: 'fee_paid', payload: '{}', on: '2025-03-05' },
    ])
    expect(fees).toEqual({ notices: 2, noticedYuan: 300, paid: 1, collectedYuan: 200 })
    expect(feeParagraph(2025, fees)).toContain(
      '发出收费通知2件，金额合计300元；实际收取信息处理费1件，金额200元',
    )
    expect(feeParagraph(2025, summariseFees([]))).toContain('未发出政府信息公开信息处理费收费通知')
  })
})

describe('gateFindings', () => {
  it('raises only the listed warnings to errors for the publication gate', () => {
    const out = gateFindings([
      { rule: 'P-UNITS', severity: 'warning', message: 'm', cells: [] },
      { rule: 'P-DEADLINE', severity: 'warning', message: 'd', cells: [] },
    ])
    expect(out.map((f) => f.severity)).toEqual(['error', 'warning'])
  })
})
