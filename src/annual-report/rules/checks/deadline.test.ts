import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../check-report.ts'
import type { CheckOptions } from '../check-options.ts'
import { buildConsistentReport } from '../test-reports.ts'
import { inferAgencyKind } from './agency-name.ts'

function report2021(agency: string, publishDate?: string): AnnualReport {
  const report = buildConsistentReport('gov2021', 21)
  report.year = 2021
  report.agency = agency
  report.title = `${agency}2021年政府信息公开工作年度报告`
  report.sections.s1_overview = '本报告统计期限为2021年1月1日至12月31日。'
  if (report.metadata) report.metadata.title = report.title
  if (report.metadata && publishDate) report.metadata.publishDate = publishDate
  return report
}

const deadline = (report: AnnualReport, options: CheckOptions = {}) =>
  checkReport(report, options)
    .filter((f) => f.rule === 'P-DEADLINE')
    .map((f) => f.message)

describe('P-DEADLINE (条例第四十九条)', () => {
  it('accepts a department report published by 31 January of the next year', () => {
    expect(deadline(report2021('示例县财政局', '2022-01-31'))).toEqual([])
  })

  it('flags a department report published after 31 January', () => {
    expect(deadline(report2021('示例县财政局', '2022-02-01'))).toEqual([
      '发布日期2022-02-01晚于政府部门年度报告的发布期限2022-01-31（条例第四十九条）',
    ])
  })

  it('gives a government’s own report until 31 March, and the publishedOn option overrides the metadata', () => {
    const report = report2021('示例县人民政府', '2022-03-31')
    expect(deadline(report)).toEqual([])
    expect(deadline(report, { publishedOn: '2022-04-01' })).toEqual([
      '发布日期2022-04-01晚于县级以上人民政府年度报告的发布期限2022-03-31（条例第四十九条）',
    ])
  })

  it('flags a report published on the last day of the period it reports', () => {
    expect(deadline(report2021('秦州区天水郡街道', '2021-12-31'))).toEqual([
      '发布日期2021-12-31不晚于统计期限最后一天（2021年12月31日）：报告在所报告的年度结束前发布',
    ])
  })

  it('sets no national deadline for townships unless the province’s date is given', () => {
    const report = report2021('示例镇人民政府', '2022-05-10')
    expect(deadline(report)).toEqual([])
    expect(deadline(report, { townshipDeadline: '03-31' })).toHaveLength(1)
    expect(deadline(report, { agencyKind: 'department' })).toHaveLength(1)
  })
})

describe('inferAgencyKind', () => {
  it.each([
    ['沭阳县人民政府', 'government'],
    ['淮安市人民政府', 'government'],
    ['沭阳县发展和改革局', 'department'],
    ['淮安市人民政府办公室', 'department'],
    ['秦州区天水郡街道', 'township'],
    ['义乌市廿三里街道办事处', 'township'],
    ['示例镇人民政府', 'township'],
  ])('%s → %s', (name, kind) => {
    expect(inferAgencyKind(name)).toBe(kind)
  })
})
