import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../check-report.ts'
import { buildConsistentReport } from '../test-reports.ts'
import { indexNoDate } from './index-number-date.ts'

const rules = (report: AnnualReport, prefix = 'M-') =>
  checkReport(report)
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.rule} ${f.message}`)

function withMetadata(patch: Partial<NonNullable<AnnualReport['metadata']>>): AnnualReport {
  const report = buildConsistentReport('gov2021', 22)
  report.metadata = { raw: {}, ...report.metadata, ...patch }
  return report
}

describe('catalogue metadata checks', () => {
  it('accept a complete block in the national 索引号 shape', () => {
    expect(rules(withMetadata({ indexNo: '000014349/2022-00222', publishDate: '2022-01-20' }))).toEqual([])
  })

  it('M-INDEXNO-DATE flags an index number dated after publication (the seed: 20230618-… vs 2021-12-31)', () => {
    expect(
      rules(withMetadata({ indexNo: '20230618-163525-505', publishDate: '2021-12-31' }), 'M-INDEXNO-DATE'),
    ).toEqual(['M-INDEXNO-DATE 索引号“20230618-163525-505”所含日期2023-06-18晚于发布时间2021-12-31'])
    expect(
      rules(withMetadata({ indexNo: '000014349/2023-00001', publishDate: '2022-12-31' }), 'M-INDEXNO-DATE'),
    ).toHaveLength(1)
    expect(
      rules(withMetadata({ indexNo: '000014349/2022-00001', publishDate: '2022-12-31' }), 'M-INDEXNO-DATE'),
    ).toEqual([])
  })

  it('M-INDEXNO-MISSING and M-TOPIC-EMPTY flag a missing number and an empty 主题分类', () => {
    const report = withMetadata({ indexNo: undefined, topicCategory: '' })
    expect(rules(report)).toEqual([
      'M-INDEXNO-MISSING 目录信息缺少索引号',
      'M-TOPIC-EMPTY 目录信息“主题分类”为空',
    ])
  })

  it('M-INDEXNO-PATTERN notes a local scheme (info), and the accepted patterns are an option', () => {
    const report = withMetadata({ indexNo: 'SY310107202603028', publishDate: '2026-03-02' })
    const [finding] = checkReport(report).filter((f) => f.rule === 'M-INDEXNO-PATTERN')
    expect(finding?.severity).toBe('info')
    expect(
      checkReport(report, { indexNoPatterns: [/^SY\d+$/] }).filter((f) => f.rule.startsWith('M-')),
    ).toEqual([])
  })

  it('runs no metadata check on a report without a metadata block', () => {
    const report = buildConsistentReport('gov2021', 23)
    report.metadata = null
    expect(rules(report)).toEqual([])
  })
})

describe('indexNoDate', () => {
  it.each([
    ['20230618-163525-505', '2023-06-18'],
    ['11341702486344515H/202110-00013', '2021-10'],
    ['000014349/2018-00222', '2018'],
    ['01527918X-2020-153077', '2020'],
    ['11370900004341590P/2017-00150', '2017'],
    ['tongjiju/2023-00075', '2023'],
    ['SY310107202603028', undefined],
  ])('%s → %s', (indexNo, date) => {
    expect(indexNoDate(indexNo)).toBe(date)
  })
})
