// P-DEADLINE (条例第四十九条): departments publish the previous year's report by 31 January; a county-or-higher
// government's own report is published by 31 March. A report published on or before the last day of the period
// it reports cannot be complete, so that is flagged too. Townships: the 条例 sets no date (provinces do).
import type { Finding } from '../finding.ts'
import { inferAgencyKind } from './agency-name.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

const KIND_ZH = {
  department: '政府部门',
  government: '县级以上人民政府',
  township: '乡镇人民政府、街道',
} as const

function check({ report, options }: CheckContext): Finding[] {
  const year = report.year
  const published = options.publishedOn ?? report.metadata?.publishDate
  if (year === null || published === undefined || !DATE.test(published)) return []
  const periodEnd = `${year}-12-31`
  if (published <= periodEnd) {
    return [
      {
        rule: 'P-DEADLINE',
        severity: 'warning',
        message: `发布日期${published}不晚于统计期限最后一天（${year}年12月31日）：报告在所报告的年度结束前发布`,
        cells: [],
      },
    ]
  }
  const kind = options.agencyKind ?? inferAgencyKind(report.agency ?? '')
  const monthDay =
    kind === 'department'
      ? '01-31'
      : kind === 'government'
        ? '03-31'
        : (options.townshipDeadline ?? undefined)
  if (monthDay === undefined) return []
  const deadline = `${year + 1}-${monthDay}`
  if (published <= deadline) return []
  return [
    {
      rule: 'P-DEADLINE',
      severity: 'warning',
      message: `发布日期${published}晚于${KIND_ZH[kind]}年度报告的发布期限${deadline}（条例第四十九条）`,
      cells: [],
    },
  ]
}

export const DEADLINE_CHECK: PlausibilityCheck = {
  id: 'P-DEADLINE',
  severity: 'warning',
  description:
    '发布日期：县级以上政府部门不晚于次年1月31日；县级以上地方政府本级报告不晚于次年3月31日（条例第四十九条）；不得早于统计期限结束。',
  check,
}
