// HTML input (政府信息公开 pages as published, with site chrome) → source blocks: paragraphs as text, data tables as
// grids. Layout tables (a whole page wrapped in a table) are read as flowing text so their inner tables surface.
import { joinCjk } from './cjk-text.ts'
import { BLOCK_ELEMENTS, IGNORED_ELEMENTS, findAll, parseHtmlTree, type DomNode } from './html-dom.ts'
import { cellText, tableGrid, textLengthOver } from './html-table.ts'
import type { SourceBlock } from './source.ts'

/** Page chrome elements, dropped unless they carry the report title or its catalogue metadata. */
const CHROME_ELEMENTS = new Set(['nav', 'header', 'footer', 'aside'])
const KEEP_CHROME_IF = /索引号|发布机构|发文机关|主题分类|发布时间|发布日期|成文日期|年度报告/

/** A cell longer than this is page content, not a table value: its table is a layout table. */
const LAYOUT_CELL_CHARS = 300

/**
 * Reads the blocks of an HTML page in document order. Never throws: unreadable markup gives what could be read.
 * @param html a whole page or a fragment
 */
export function extractHtmlBlocks(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = []
  try {
    new HtmlWalker(blocks).walk(parseHtmlTree(html))
  } catch {
    // Pathological input (e.g. nesting deeper than the stack): keep the blocks read so far.
  }
  return blocks
}

class HtmlWalker {
  private text = ''

  constructor(private readonly blocks: SourceBlock[]) {}

  walk(root: DomNode): void {
    for (const child of root.children ?? []) this.visit(child)
    this.flush()
  }

  private visit(node: DomNode): void {
    if (node.type === 'text') {
      this.text += node.data ?? ''
      return
    }
    if (node.type !== 'tag') return
    const name = node.name ?? ''
    if (IGNORED_ELEMENTS.has(name) || this.isChrome(node)) return
    if (name === 'table' && !isLayoutTable(node)) {
      this.flush()
      this.pushTable(tableGrid(node))
      return
    }
    const isBlock = BLOCK_ELEMENTS.has(name)
    if (isBlock) this.flush()
    for (const child of node.children ?? []) this.visit(child)
    if (isBlock) this.flush()
  }

  private isChrome(node: DomNode): boolean {
    const chrome = CHROME_ELEMENTS.has(node.name ?? '') || node.attribs?.role === 'navigation'
    return chrome && !KEEP_CHROME_IF.test(cellText(node))
  }

  private pushTable(rows: string[][]): void {
    const filled = rows.filter((row) => row.some((cell) => cell !== ''))
    if (filled.length === 0) return
    // A one-column "table" is a boxed paragraph (titles are often printed that way): read it as text.
    if (filled.every((row) => row.length === 1)) {
      for (const row of filled) this.blocks.push({ kind: 'text', text: row[0] ?? '' })
      return
    }
    this.blocks.push({ kind: 'table', rows })
  }

  private flush(): void {
    const text = joinCjk(this.text)
    if (text !== '') this.blocks.push({ kind: 'text', text })
    this.text = ''
  }
}

/** A table used for page layout: it holds other tables or page-length text in a cell. */
function isLayoutTable(table: DomNode): boolean {
  if (findAll(table, 'table').length > 0) return true
  return findAll(table, 'td', 'table').some((cell) => textLengthOver(cell, LAYOUT_CELL_CHARS))
}
