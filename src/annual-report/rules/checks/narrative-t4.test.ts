import { describe, expect, it } from 'vitest'
import { checkReport } from '../check-report.ts'
import { buildConsistentReport } from '../test-reports.ts'

/** 表四 as in 淮安市人民政府 2024: 复议 72/64/178/37 = 351; 诉讼 direct 13/4/8/1 = 26, after review 12/1/1/6 = 20. */
function reportWithT4() {
  const report = buildConsistentReport('gov2021', 60)
  const groups: Record<string, number[]> = {
    review: [72, 64, 178, 37],
    litigation_direct: [13, 4, 8, 1],
    litigation_after_review: [12, 1, 1, 6],
  }
  for (const [group, parts] of Object.entries(groups)) {
    ;['maintained', 'corrected', 'other', 'pending'].forEach(
      (k, i) => (report.cells[`t4.count.${group}_${k}`] = parts[i] ?? 0),
    )
    report.cells[`t4.count.${group}_total`] = parts.reduce((a, b) => a + b, 0)
  }
  return report
}

const narrative = (text: string) => {
  const report = reportWithT4()
  report.sections.s4_review_litigation = text
  return checkReport(report)
    .filter((f) => f.rule === 'P-NARRATIVE-T4')
    .map((f) => f.message)
}

describe('P-NARRATIVE-T4', () => {
  it('accepts review and litigation counts and outcomes that agree with 表四', () => {
    expect(
      narrative(
        '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。行政复议、行政诉讼案件共397件。',
      ),
    ).toEqual([])
  })

  it('flags a wrong review count and a wrong litigation outcome', () => {
    expect(narrative('政府信息公开行政复议350件。行政诉讼46件，其中结果纠正6件。')).toEqual([
      '正文“复议350件”与表四不一致：表四 行政复议总计=351',
      '正文“结果纠正6件”与表四不一致：表四 未经复议直接起诉结果纠正+表四 复议后起诉结果纠正=5',
    ])
  })

  it('flags "no review or litigation" when 表四 has cases, but not "none corrected"', () => {
    expect(narrative('本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。')).toHaveLength(1)
    expect(narrative('本年度未发生行政复议被纠错的情况。')).toEqual([])
  })
})
