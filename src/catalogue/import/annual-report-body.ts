// The body of a saved annual report page (政府信息公开工作年度报告) whose tables were flattened to one cell per
// line: the annual-report module reads the report and renders its tables as HTML tables. Used only when the
// rendering keeps every prose paragraph of the page, so nothing the page said is lost.
import { load } from 'cheerio/slim'
import { parseReportText, renderHtml } from '../../annual-report/index.ts'
import { paragraphsHtml } from './paragraphs-html.ts'

// Blocks at least this long are prose that the rendered body must contain (table labels are shorter).
const PROSE_CHARS = 40
const FIRST_SECTION = /^[一1][、.．]/

function squeeze(text: string): string {
  return text.replace(/\s+/g, '')
}

/** HTML of the preamble paragraphs and the report's sections with tables; null when it is not such a report. */
export function annualReportBodyHtml(text: string, blocks: readonly (readonly string[])[]): string | null {
  const report = parseReportText(text, { filename: 'page.txt' })
  if (!report.recognised || report.format === null || Object.keys(report.cells).length === 0) return null
  const $ = load(renderHtml({ ...report, metadata: null }))
  $('h1').remove()
  const first = blocks.findIndex((b) => FIRST_SECTION.test(b[0] ?? ''))
  const preamble = paragraphsHtml(first === -1 ? [] : blocks.slice(0, first))
  const sections = $('article').html() ?? ''
  const html = `${preamble}\n${sections}`
  const rendered = squeeze(blocks.slice(0, Math.max(0, first)).flat().join('') + $('article').text())
  const prose = blocks.map((b) => squeeze(b.join(''))).filter((b) => b.length >= PROSE_CHARS)
  return prose.every((p) => rendered.includes(p)) ? html : null
}
