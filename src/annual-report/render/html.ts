// The report as HTML: a fragment to embed in a portal page, or a standalone page with print-friendly styles.
import { BODY_FONT, HEADING_FONT, TABLE_FONT, TITLE_FONT, cssFontFamily } from '../../documents/index.ts'
import type { AnnualReport } from '../model.ts'
import { escapeHtml } from './escape-html.ts'
import { htmlTable } from './html-table.ts'
import { reportLayout, type SectionLayout } from './report-layout.ts'

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /** A whole HTML document with styles instead of a fragment. */
  standalone?: boolean
  /** Prefix of every element id, so that several reports can share one page. Default `report-`. */
  idPrefix?: string
}

function sectionHtml(section: SectionLayout, idPrefix: string): string {
  const headingId = `${idPrefix}${section.key}`
  const parts = [
    `<section aria-labelledby="${escapeHtml(headingId)}">`,
    `<h2 id="${escapeHtml(headingId)}">${escapeHtml(section.heading)}</h2>`,
    ...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
  ]
  if (section.table) parts.push(htmlTable(section.table, `${idPrefix}${section.key}-`))
  parts.push('</section>')
  return parts.join('\n')
}

function metadataHtml(metadata: { label: string; value: string }[]): string {
  if (metadata.length === 0) return ''
  const items = metadata.map(
    (m) => `<div><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd></div>`,
  )
  return `<dl class="report-metadata">\n${items.join('\n')}\n</dl>`
}

const STYLES = `
body { margin: 0; background: #f4f4f4; }
.annual-report { max-width: 60rem; margin: 1.5rem auto; padding: 2.5rem 3rem; background: #fff;
  font-family: ${cssFontFamily(BODY_FONT)}; font-size: 1.1rem; line-height: 1.9; color: #000; }
.annual-report h1 { font-family: ${cssFontFamily(TITLE_FONT)}; font-size: 1.6rem; font-weight: normal; text-align: center; }
.annual-report h2 { font-family: ${cssFontFamily(HEADING_FONT, 'sans-serif')}; font-size: 1.15rem; font-weight: normal; }
.annual-report p { text-indent: 2em; margin: 0; text-align: justify; }
.report-metadata { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .2rem 1rem;
  font-size: .9rem; border: 1px solid #999; padding: .5rem 1rem; }
.report-metadata div { display: flex; gap: .5rem; } .report-metadata dd { margin: 0; }
.report-table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: .8rem 0 1.2rem; font-family: ${cssFontFamily(TABLE_FONT)};
  font-size: .85rem; line-height: 1.4; }
.report-table caption { font-size: .9rem; padding-bottom: .3rem; }
.report-table th, .report-table td { border: 1px solid #000; padding: .25rem .3rem; text-align: center; font-weight: normal; }
.report-table .text-left { text-align: left; } .report-table .note { font-size: .75rem; }
@media print { body { background: #fff; } .annual-report { margin: 0; padding: 0; max-width: none; }
  .report-table thead { display: table-header-group; } .report-table tr { break-inside: avoid; } }
`

/**
 * The report as HTML on the official table layout (merged cells as in the national template), with accessible
 * table markup. All text is escaped; blank cells are empty, 0 is printed as 0.
 */
export function renderHtml(report: AnnualReport, options: RenderHtmlOptions = {}): string {
  const idPrefix = options.idPrefix ?? 'report-'
  const layout = reportLayout(report)
  const fragment = [
    `<article class="annual-report" lang="zh-CN" data-format="${escapeHtml(layout.format.key)}">`,
    `<h1>${escapeHtml(layout.title)}</h1>`,
    metadataHtml(layout.metadata),
    ...layout.sections.map((s) => sectionHtml(s, idPrefix)),
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n')
  if (options.standalone !== true) return fragment
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    fragment,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
