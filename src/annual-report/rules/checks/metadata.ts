// Checks of the catalogue metadata block printed above a report (format-and-law.md §8): ids M-*.
// M-INDEXNO-MISSING: no 索引号 (a mandatory element of the 目录系统实施指引).
// M-INDEXNO-DATE: the date embedded in the 索引号 is later than 发布时间 (numbers are formed when published).
// M-INDEXNO-PATTERN: the 索引号 matches none of the configured schemes (info: local schemes abound).
// M-TOPIC-EMPTY: 主题分类 printed with no value.
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'
import { indexNoDate } from './index-number-date.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

function indexNoChecks({ report, options }: CheckContext): Finding[] {
  const metadata = report.metadata
  if (!metadata) return []
  const indexNo = metadata.indexNo?.trim() ?? ''
  if (indexNo === '') {
    return [{ rule: 'M-INDEXNO-MISSING', severity: 'warning', message: '目录信息缺少索引号', cells: [] }]
  }
  const findings: Finding[] = []
  const embedded = indexNoDate(indexNo)
  const published = metadata.publishDate
  if (embedded && published && DATE.test(published) && embedded > published.slice(0, embedded.length)) {
    findings.push({
      rule: 'M-INDEXNO-DATE',
      severity: 'warning',
      message: `索引号“${indexNo}”所含日期${embedded}晚于发布时间${published}`,
      cells: [],
    })
  }
  if (!options.indexNoPatterns.some((p) => p.test(indexNo))) {
    findings.push({
      rule: 'M-INDEXNO-PATTERN',
      severity: 'info',
      message: `索引号“${indexNo}”不符合所配置的编码规则（默认：组织机构代码或统一社会信用代码/年份-序号）`,
      cells: [],
    })
  }
  return findings
}

function topicCheck({ report }: CheckContext): Finding[] {
  const topic = report.metadata?.topicCategory
  if (topic === undefined || topic.trim() !== '') return []
  return [{ rule: 'M-TOPIC-EMPTY', severity: 'warning', message: '目录信息“主题分类”为空', cells: [] }]
}

export const INDEX_NO_CHECK: PlausibilityCheck = {
  id: 'M-INDEXNO',
  severity: 'warning',
  description:
    'M-INDEXNO-MISSING 缺少索引号；M-INDEXNO-DATE 索引号所含日期晚于发布时间；M-INDEXNO-PATTERN 索引号不符合编码规则（提示）。',
  check: indexNoChecks,
}

export const TOPIC_CHECK: PlausibilityCheck = {
  id: 'M-TOPIC-EMPTY',
  severity: 'warning',
  description: '目录信息“主题分类”为空。',
  check: topicCheck,
}
