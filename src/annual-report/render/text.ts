// The report as flattened text, the way a report web page reads when copied as text
// (/work/shared/samples/seed-tianshuijun-2021.txt): one paragraph or table cell per line, a blank line between.
import type { TableGrid } from '../../documents/index.ts'
import type { AnnualReport } from '../model.ts'
import { reportLayout } from './report-layout.ts'

/**
 * What a blank cell prints as. Copying a web page drops an empty cell, shifting its neighbours left; a dash is
 * what reports print for "nothing here", and the parsers read it as blank, not 0.
 */
export const TEXT_BLANK_CELL = '—'

/** Table cells in document order: row by row, each merged cell once, where it starts. */
function tableLines(grid: TableGrid): string[] {
  return grid.rows.flatMap((row) =>
    row.cells.map((cell) => {
      const text = cell.text.replace(/\s*\n\s*/g, '')
      return text === '' && cell.header !== true ? TEXT_BLANK_CELL : text
    }),
  )
}

/**
 * The report as text: title, metadata lines (`label: value`), then each section heading, its paragraphs and its
 * table, every item separated by one blank line. A blank value cell is written as `TEXT_BLANK_CELL`.
 */
export function renderText(report: AnnualReport): string {
  const layout = reportLayout(report)
  const items: string[] = [layout.title]
  for (const { label, value } of layout.metadata) items.push(`${label}: ${value}`.trimEnd())
  for (const section of layout.sections) {
    items.push(section.heading, ...section.paragraphs)
    if (section.table) items.push(...tableLines(section.table))
  }
  return `${items.join('\n\n')}\n`
}
