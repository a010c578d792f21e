import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../check-report.ts'
import { buildConsistentReport } from '../test-reports.ts'

const messages = (report: AnnualReport, rule: string) =>
  checkReport(report)
    .filter((f) => f.rule === rule)
    .map((f) => f.message)

describe('P-YEAR', () => {
  it('accepts a title and statistics period that match the report year', () => {
    const report = buildConsistentReport('gov2021', 1)
    expect(report.sections.s1_overview).toContain(`统计期限为${report.year}年1月1日至12月31日`)
    expect(messages(report, 'P-YEAR')).toEqual([])
  })

  it('flags a title of another year and a statistics period of another year', () => {
    const report = buildConsistentReport('gov2021', 2)
    report.year = 2022
    report.title = '示例县财政局2021年政府信息公开工作年度报告'
    report.metadata = null
    report.sections.s1_overview = '本报告统计期限为2021年1月1日至2021年12月31日。'
    expect(messages(report, 'P-YEAR')).toEqual([
      '标题年份2021年与报告年度2022年不一致：“示例县财政局2021年政府信息公开工作年度报告”',
      '正文所述统计期限“统计期限为2021年1月1日至2021年12月31日”与报告年度2022年不一致',
    ])
  })
})

describe('P-FORMAT-VERSION', () => {
  it('accepts the format of the report year', () => {
    expect(messages(buildConsistentReport('gov2019', 3), 'P-FORMAT-VERSION')).toEqual([])
    expect(messages(buildConsistentReport('gov2021', 3), 'P-FORMAT-VERSION')).toEqual([])
  })

  it('flags a 2021 report printed on the 2019 试行 labels', () => {
    const report = buildConsistentReport('gov2019', 4)
    report.year = 2021
    expect(messages(report, 'P-FORMAT-VERSION')).toEqual([
      '2021年度报告应使用中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号），表格使用的是中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）的行列名称',
    ])
  })

  it('flags labels of the other version mixed into tables of the right one', () => {
    const report = buildConsistentReport('gov2021', 5)
    report.formatSignals = { gov2019: 2, gov2021: 30 }
    expect(messages(report, 'P-FORMAT-VERSION')[0]).toMatch(/但有2处行列名称属于.*〔2019〕60号/)
  })
})

describe('P-SECTIONS', () => {
  it('accepts all six sections in order', () => {
    expect(messages(buildConsistentReport('gov2021', 6), 'P-SECTIONS')).toEqual([])
  })

  it('names the missing sections by their printed headings', () => {
    const report = buildConsistentReport('gov2021', 7)
    delete report.sections.s4_review_litigation
    delete report.sections.s6_other
    expect(messages(report, 'P-SECTIONS')).toEqual([
      '缺少部分：四、政府信息公开行政复议、行政诉讼情况；六、其他需要报告的事项',
    ])
  })

  it('flags sections out of order', () => {
    const report = buildConsistentReport('gov2021', 8)
    const { s5_problems, s4_review_litigation, s6_other, ...first } = report.sections
    report.sections = { ...first, s5_problems, s4_review_litigation, s6_other }
    expect(messages(report, 'P-SECTIONS')).toEqual(['各部分顺序应为一至六，实际为：一、二、三、五、四、六'])
  })
})
