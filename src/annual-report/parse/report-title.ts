/**
 * Title, report year and agency. The title is the page's metadata 标题 when it names a year and a 年度报告,
 * else the first short line before the body that does (`秦州区天水郡街道2021年政府信息公开工作年度报告`);
 * the agency is what precedes the year. A cut text with no title falls back to the statistics period
 * (统计期限…YYYY年1月1日) or the first year in 总体情况.
 */
import { toHalfWidth } from './normalize.ts'
import type { SourceBlock } from './source.ts'

export interface ReportTitle {
  title: string | null
  year: number | null
  agency: string | null
}

const MAX_TITLE = 100
const TITLE = /(\d{4})\s*年\s*度?.{0,40}报告/
const YEAR = /(\d{4})\s*年/

/** Find the title among the blocks before the body, or in the metadata title. */
export function readTitle(preamble: readonly SourceBlock[], metadataTitle: string | undefined): ReportTitle {
  // The page's own 标题/名称 beats the first title-like line, which on a whole page may be a sidebar link.
  if (metadataTitle && TITLE.test(toHalfWidth(metadataTitle))) return fromTitle(metadataTitle.trim())
  for (const block of preamble) {
    const texts = block.kind === 'text' ? [block.text] : block.rows.flat()
    for (const raw of texts) {
      const text = raw.trim()
      if (text.length <= MAX_TITLE && TITLE.test(toHalfWidth(text))) return fromTitle(text)
    }
  }
  return { title: null, year: null, agency: null }
}

function fromTitle(title: string): ReportTitle {
  const half = toHalfWidth(title)
  const m = YEAR.exec(half)
  const year = m ? plausibleYear(m[1]) : null
  let agency = m ? half.slice(0, m.index).trim() : ''
  if (agency === '' && m) {
    // `2021年度某某局政府信息公开工作年度报告`: the agency follows the year.
    const rest = half.slice(m.index + m[0].length).replace(/^度/, '')
    const end = rest.indexOf('政府信息公开')
    agency = (end > 0 ? rest.slice(0, end) : '').trim()
  }
  return { title, year, agency: agency === '' ? null : agency.replace(/[\s,，:：、]+$/, '') }
}

/** Year of a body without a title: the statistics period, else the first year written in the text. */
export function yearFromText(texts: readonly string[]): number | null {
  for (const text of texts) {
    const period = /统计期限[^0-9]{0,12}(\d{4})\s*年/.exec(toHalfWidth(text))
    if (period) return plausibleYear(period[1])
  }
  for (const text of texts) {
    const m = YEAR.exec(toHalfWidth(text))
    if (m) return plausibleYear(m[1])
  }
  return null
}

function plausibleYear(digits: string | undefined): number | null {
  const year = Number(digits)
  return year >= 2000 && year <= 2100 ? year : null
}
