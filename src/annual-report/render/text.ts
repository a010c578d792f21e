// The report as flattened text, the way a report web page reads when copied as text
// (/work/shared/samples/seed-tianshuijun-2021.txt): one paragraph or table cell per line, a blank line between.
import type { TableGrid } from '../../documents/index.ts'
import type { AnnualReport } from '../model.ts'
import { reportLayout } from './report-layout.ts'

/**
 * Table cells in document order (row by row, each merged cell once, where it starts). A blank cell stays in the
 * sequence as an empty line, so it reads back as blank rather than vanishing and shifting its neighbours.
 */
function tableLines(grid: TableGrid): string[] {
  return grid.rows.flatMap((row) => row.cells.map((cell) => cell.text.replace(/\s*\n\s*/g, '')))
}

/**
 * The report as text: title, metadata lines (`label: value`), then each section heading, its paragraphs and its
 * table, every item separated by one blank line. An empty table cell is an empty item, i.e. three blank lines
 * between its neighbours.
 */
export function renderText(report: AnnualReport): string {
  const layout = reportLayout(report)
  const items: string[] = [layout.title]
  for (const { label, value } of layout.metadata) items.push(`${label}: ${value}`)
  for (const section of layout.sections) {
    items.push(section.heading, ...section.paragraphs)
    if (section.table) items.push(...tableLines(section.table))
  }
  return `${items.join('\n\n')}\n`
}
