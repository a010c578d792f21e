// P-NARRATIVE-T4: review and litigation counts stated in the prose against 表四. Conservative, like
// P-NARRATIVE-T3: counts are read only where the sentence is about review alone or litigation alone (or names
// both for a combined count), and "no review/litigation" is flagged only when 表四 has cases.
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'
import { COUNT, GAP, claimSentences } from './narrative-sentences.ts'

type Scope = 'review' | 'litigation' | 'both'

/** 表四 columns per scope and outcome; litigation adds up the direct and after-review groups. */
function columns(scope: Scope, outcome: string): string[] {
  const groups =
    scope === 'review'
      ? ['review']
      : scope === 'litigation'
        ? ['litigation_direct', 'litigation_after_review']
        : ['review', 'litigation_direct', 'litigation_after_review']
  return groups.map((g) => `t4.count.${g}_${outcome}`)
}

const OUTCOMES: readonly { word: string; key: string }[] = [
  { word: '结果维持', key: 'maintained' },
  { word: '结果纠正', key: 'corrected' },
  { word: '其他结果', key: 'other' },
  { word: '尚未审结', key: 'pending' },
]

const TOTAL_PATTERN: Record<Scope, RegExp> = {
  review: new RegExp(`复议${GAP}${COUNT}`, 'g'),
  litigation: new RegExp(`诉讼${GAP}${COUNT}`, 'g'),
  both: new RegExp(`复议[、和及与]?(?:行政)?诉讼${GAP}${COUNT}`, 'g'),
}
const NONE_CLAIM =
  /(?:未|没有|无)(?:发生|收到|出现|产生)?[^，,。；;]{0,12}?(行政复议|复议|行政诉讼|诉讼)([^，,。；;]*)/g
const NARROWER = /纠错|纠正|败诉|撤销|确认违法/

function scopeOf(sentence: string): Scope {
  const review = sentence.includes('复议')
  const litigation = sentence.includes('诉讼')
  return review && litigation ? 'both' : review ? 'review' : 'litigation'
}

function check({ report, values, format }: CheckContext): Finding[] {
  if (!values || !format || !columns('both', 'total').every((a) => values.present(a))) return []
  const text = [report.sections.s1_overview ?? '', report.sections.s4_review_litigation ?? ''].join('\n')
  const sum = (cells: string[]) => cells.reduce((s, a) => s + values.value(a), 0)
  const findings: Finding[] = []
  const flag = (stated: string, cells: string[]) =>
    findings.push({
      rule: 'P-NARRATIVE-T4',
      severity: 'warning',
      message: `正文“${stated}”与表四不一致：${cells.map((a) => cellName(format, a)).join('+')}=${sum(cells)}`,
      cells,
    })
  for (const sentence of claimSentences(text, report.year, /复议|诉讼/)) {
    const scope = scopeOf(sentence)
    for (const m of sentence.matchAll(TOTAL_PATTERN[scope])) {
      // A gap naming the other procedure (复议…诉讼N件) is a combined count, read by the `both` pattern.
      if (/复议|诉讼|维持|纠正|结果|审结/.test(m[1] ?? '')) continue
      const cells = columns(scope, 'total')
      if (sum(cells) !== Number(m[2])) flag(m[0], cells)
    }
    if (scope === 'both') continue
    for (const { word, key } of OUTCOMES) {
      for (const m of sentence.matchAll(new RegExp(`${word}${GAP}${COUNT}`, 'g'))) {
        const cells = columns(scope, key)
        if (sum(cells) !== Number(m[2])) flag(m[0], cells)
      }
    }
  }
  for (const sentence of claimSentences(text, report.year, /(?:未|没有|无).*(?:复议|诉讼)/)) {
    for (const m of sentence.matchAll(NONE_CLAIM)) {
      if (NARROWER.test(m[0])) continue
      const clauseScope = scopeOf(m[0])
      const cells = columns(clauseScope, 'total')
      if (sum(cells) > 0) flag(m[0], cells)
    }
  }
  return findings
}

export const NARRATIVE_T4_CHECK: PlausibilityCheck = {
  id: 'P-NARRATIVE-T4',
  severity: 'warning',
  description: '正文中行政复议、行政诉讼件数及结果应与表四一致。',
  check,
}
