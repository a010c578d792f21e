// A TableGrid as accessible HTML: <caption>, header rows in <thead>, <th scope> with ids, and `headers` on
// every data cell so a screen reader announces e.g. 申请人情况 自然人 一、本年新收政府信息公开申请数量.
import type { GridCell, TableGrid } from '../../documents/index.ts'
import { escapeHtml } from './escape-html.ts'

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '' && v !== 1)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('')
}

function cellHtml(cell: GridCell, idPrefix: string): string {
  const tag = cell.header === true ? 'th' : 'td'
  const classes = [cell.small === true ? 'note' : '', cell.align === 'left' ? 'text-left' : ''].filter(
    (c) => c !== '',
  )
  const html = attrs({
    id: cell.id === undefined ? undefined : `${idPrefix}${cell.id}`,
    scope: cell.scope,
    rowspan: cell.rowSpan,
    colspan: cell.colSpan,
    headers:
      cell.headers && cell.headers.length > 0
        ? cell.headers.map((h) => `${idPrefix}${h}`).join(' ')
        : undefined,
    class: classes.join(' '),
  })
  return `<${tag}${html}>${escapeHtml(cell.text)}</${tag}>`
}

/** The HTML of a grid; `idPrefix` keeps header ids unique when several tables share a page. */
export function htmlTable(grid: TableGrid, idPrefix: string): string {
  const rows = grid.rows.map((row) => `<tr>${row.cells.map((c) => cellHtml(c, idPrefix)).join('')}</tr>`)
  const head = rows.slice(0, grid.headerRows)
  const body = rows.slice(grid.headerRows)
  const total = grid.columnWidths.reduce((a, b) => a + b, 0)
  // Column widths as in the printed template, so a browser does not squeeze the value columns.
  const cols = grid.columnWidths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('')
  return [
    '<table class="report-table">',
    `<caption>${escapeHtml(grid.caption)}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    head.length > 0 ? `<thead>\n${head.join('\n')}\n</thead>` : '',
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
  ]
    .filter((part) => part !== '')
    .join('\n')
}
