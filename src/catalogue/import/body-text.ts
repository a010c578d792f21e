// Plain text of a sanitised body: one paragraph, heading, list item or table row per line.
import { load } from 'cheerio/slim'

/** The text of sanitised body HTML; table cells are separated by tabs. */
export function bodyTextOf(html: string): string {
  const $ = load(html)
  $('br').replaceWith('\n')
  $('td, th').each((_, el) => {
    $(el).append('\t')
  })
  $('p, h2, h3, h4, li, tr, caption').each((_, el) => {
    $(el).append('\n')
  })
  return $.root()
    .text()
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \u00a0]+/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
}
