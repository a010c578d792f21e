// P-NARRATIVE-T3: counts stated in the prose about applications (收到/新收, 办结/答复, 结转, 予以公开, percentages)
// against 表三. Conservative: a statement is flagged only when it matches none of the readings a careful writer
// could mean (e.g. 受理 749 件 may include last year's carry-over; 结转 may be either direction).
import { cellName, t3RowOrdinal, t3RowTitle } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { ReportValues } from '../report-values.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'
import { COUNT, GAP, claimSentences } from './narrative-sentences.ts'

interface Statement {
  /** What the prose says: a pattern whose groups are the words between keyword and number, and the number. */
  pattern: RegExp
  /** The readings that make the statement true: each a list of rows whose 总计 cells are summed. */
  readings: readonly (readonly string[])[]
}

/** A gap that names another count (e.g. 结转共受理22件) belongs to that other statement. */
const OTHER_COUNT = /收到|新收|受理|接收|办结|答复|办理完毕|结转|予以公开/

const STATEMENTS: readonly Statement[] = [
  {
    pattern: new RegExp(`(?:收到|新收|受理|接收)${GAP}${COUNT}`, 'g'),
    readings: [['new_received'], ['new_received', 'carried_over']],
  },
  {
    pattern: new RegExp(`(?:办结|答复|办理完毕|作出答复)${GAP}${COUNT}`, 'g'),
    readings: [['results_total'], ['new_received'], ['new_received', 'carried_over']],
  },
  {
    pattern: new RegExp(`结转${GAP}${COUNT}`, 'g'),
    readings: [['carried_forward'], ['carried_over']],
  },
  {
    pattern: new RegExp(`(?<!不)予以公开${GAP}${COUNT}`, 'g'),
    readings: [['granted'], ['granted', 'partially_granted']],
  },
]

/** A sentence about applications that states a count. */
const APPLICATION_CLAIM =
  /申请.*(?:收到|新收|受理|接收|办结|答复|办理完毕|结转|予以公开)|(?:收到|新收|受理|接收|办结|答复|办理完毕|结转|予以公开).*申请/
const PERCENT_OF_GRANTED =
  /(?<!不)予以公开(?:(?!予以公开)[^。；;]){0,24}?(?:占比为?|占|比例为?|公开率为?)\s*(\d+(?:\.\d+)?)\s*[%％]/g

function total(values: ReportValues, rows: readonly string[]): number {
  return rows.reduce((s, r) => s + values.value(`t3.${r}.total`), 0)
}

function check({ report, values, format }: CheckContext): Finding[] {
  if (!values || !format) return []
  const text = [report.sections.s1_overview ?? '', report.sections.s3_applications ?? ''].join('\n')
  const findings: Finding[] = []
  for (const sentence of claimSentences(text, report.year, APPLICATION_CLAIM)) {
    for (const { pattern, readings } of STATEMENTS) {
      const needed = readings.flat().map((r) => `t3.${r}.total`)
      if (!needed.every((a) => values.present(a))) continue
      for (const m of sentence.matchAll(pattern)) {
        if (OTHER_COUNT.test(m[1] ?? '')) continue
        const stated = Number(m[2])
        if (readings.some((rows) => total(values, rows) === stated)) continue
        const [first = []] = readings
        const address = `t3.${first[0] ?? ''}.total`
        findings.push({
          rule: 'P-NARRATIVE-T3',
          severity: 'warning',
          message: `正文“${m[0].trim()}”与${cellName(format, address)}=${total(values, first)}不一致`,
          cells: [...new Set(needed)],
        })
      }
    }
    for (const m of sentence.matchAll(PERCENT_OF_GRANTED)) {
      const stated = Number(m[1])
      const granted = values.value('t3.granted.total')
      const denominators = ['results_total', 'new_received'].map((r) => values.value(`t3.${r}.total`))
      const numerators = [granted, granted + values.value('t3.partially_granted.total')]
      const readingsPct = denominators
        .filter((d) => d > 0)
        .flatMap((d) => numerators.map((n) => (100 * n) / d))
      if (readingsPct.length === 0 || readingsPct.some((p) => Math.abs(p - stated) <= 1)) continue
      findings.push({
        rule: 'P-NARRATIVE-T3',
        severity: 'warning',
        message: `正文“${m[0].trim()}”与表三不一致：${t3RowTitle(format, 'granted')}${granted}件，占${t3RowOrdinal(format, 'results_total')}的${(readingsPct[0] ?? 0).toFixed(1)}%`,
        cells: ['t3.granted.total', 't3.results_total.total', 't3.new_received.total'],
      })
    }
  }
  return findings
}

export const NARRATIVE_T3_CHECK: PlausibilityCheck = {
  id: 'P-NARRATIVE-T3',
  severity: 'warning',
  description: '正文中的申请数（收到/新收、办结、结转、予以公开等）及百分比应与表三一致。',
  check,
}
