// P-YEAR: the title's year and the stated statistics period (1 Jan – 31 Dec of year Y) match the report year.
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'
import { reportProse } from './check-types.ts'

const TITLE_YEAR = /((?:19|20)\d{2})\s*年(?:度)?/
const PERIOD =
  /统计期限为?自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*至\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/g

function check({ report }: CheckContext): Finding[] {
  const year = report.year
  if (year === null) return []
  const findings: Finding[] = []
  const titles = [report.title, report.metadata?.title].filter((t): t is string => Boolean(t))
  for (const title of titles) {
    const m = TITLE_YEAR.exec(title)
    if (m && Number(m[1]) !== year) {
      findings.push({
        rule: 'P-YEAR',
        severity: 'error',
        message: `标题年份${m[1]}年与报告年度${year}年不一致：“${title}”`,
        cells: [],
      })
    }
  }
  for (const m of reportProse(report).matchAll(PERIOD)) {
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    if (from !== year || to !== year) {
      findings.push({
        rule: 'P-YEAR',
        severity: 'error',
        message: `正文所述统计期限“${m[0]}”与报告年度${year}年不一致`,
        cells: [],
      })
    }
  }
  return findings
}

export const YEAR_CHECK: PlausibilityCheck = {
  id: 'P-YEAR',
  severity: 'error',
  description: '报告标题年份、正文“统计期限为YYYY年1月1日至12月31日”与报告年度一致。',
  check,
}
