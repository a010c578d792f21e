import { describe, expect, it } from 'vitest'
import { checkReport } from '../check-report.ts'
import { buildConsistentReport } from '../test-reports.ts'

/** A 2021 report with 表三 totals: 新收 20, 上年结转 2, 办结 19 (予以公开 12, 部分公开 3, 其他 4), 结转 3. */
function reportWithTotals() {
  const report = buildConsistentReport('gov2021', 9)
  for (const key of Object.keys(report.cells)) if (key.startsWith('t3.')) report.cells[key] = 0
  const totals: Record<string, number> = {
    new_received: 20,
    carried_over: 2,
    granted: 12,
    partially_granted: 3,
    unable_not_held: 4,
    results_total: 19,
    carried_forward: 3,
  }
  for (const [row, n] of Object.entries(totals)) {
    report.cells[`t3.${row}.natural_person`] = n
    report.cells[`t3.${row}.total`] = n
  }
  report.sections.s1_overview = '本机关认真贯彻条例。'
  return report
}

const narrative = (text: string) => {
  const report = reportWithTotals()
  report.sections.s3_applications = text
  return checkReport(report).filter((f) => f.rule === 'P-NARRATIVE-T3')
}

describe('P-NARRATIVE-T3', () => {
  it('accepts prose that agrees with 表三 under any reasonable reading', () => {
    expect(
      narrative(
        '本年度共收到政府信息公开申请20件，加上年结转共受理22件，办结19件，结转下年度3件。其中予以公开12件，占63.2%。',
      ),
    ).toEqual([])
    expect(narrative('全年新收申请20件；上年结转申请2件。')).toEqual([])
  })

  it('flags a stated count of received applications that matches no reading', () => {
    const findings = narrative('本年度共收到政府信息公开申请25件，均已按时答复。')
    expect(findings.map((f) => f.message)).toEqual([
      '正文“收到政府信息公开申请25件”与表三 一本年新收政府信息公开申请数量 总计=20不一致',
    ])
  })

  it('flags wrong counts of handled, carried and granted applications and a wrong percentage', () => {
    const findings = narrative('办结申请17件，结转申请5件，予以公开申请10件，予以公开的占比40%。')
    expect(findings.map((f) => f.message)).toEqual([
      '正文“办结申请17件”与表三 三（七）总计 总计=19不一致',
      '正文“结转申请5件”与表三 四结转下年度继续办理 总计=3不一致',
      '正文“予以公开申请10件”与表三 三（一）予以公开 总计=12不一致',
      expect.stringMatching(
        /^正文“予以公开的占比40%”与表三不一致：三（一）予以公开12件，占三（七）的63\.2%$/,
      ),
    ])
  })

  it('ignores figures of other years and year-on-year comparisons', () => {
    expect(narrative('2020年收到申请30件。本年收到申请同比增加5件。')).toEqual([])
  })

  it('ignores counts of a narrower scope (an office speaking for the government, 本级)', () => {
    expect(narrative('区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。')).toEqual([])
  })
})
