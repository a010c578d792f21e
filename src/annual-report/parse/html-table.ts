// An HTML <table> as a grid: rowspan/colspan expanded so that a merged cell's text repeats in every position it
// covers (the SourceBlock contract in source.ts), empty and &nbsp;-only cells as ''.
import { joinCjk, joinPieces } from './cjk-text.ts'
import { BLOCK_ELEMENTS, IGNORED_ELEMENTS, type DomNode } from './html-dom.ts'

/** Spans larger than this are typing errors or `rowspan="0"`-style tricks; they are cut to the table's size. */
const MAX_SPAN = 200

/** The rows of a table in document order: those of thead/tbody/tfoot and direct `tr` children, not nested tables'. */
export function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = []
  for (const child of table.children ?? []) {
    if (child.type !== 'tag') continue
    if (child.name === 'tr') rows.push(child)
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children ?? []) if (row.type === 'tag' && row.name === 'tr') rows.push(row)
    }
  }
  return rows
}

export function rowCells(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
}

/**
 * The text of a cell with nested markup flattened: inline pieces join directly (split spans "申请人情"+"况"
 * become one word), block pieces (p, div, br) join without a space between CJK characters.
 */
export function cellText(cell: DomNode): string {
  const acc: TextAccumulator = { pieces: [], current: '' }
  for (const child of cell.children ?? []) collectText(child, acc)
  flushPiece(acc)
  let text = ''
  for (const piece of acc.pieces) text = joinPieces(text, piece)
  return text
}

interface TextAccumulator {
  pieces: string[]
  current: string
}

// Plain recursive functions, not closures: this runs for every cell of every table.
function collectText(node: DomNode, acc: TextAccumulator): void {
  if (node.type === 'text') {
    acc.current += node.data ?? ''
    return
  }
  if (node.type !== 'tag' || IGNORED_ELEMENTS.has(node.name ?? '')) return
  const isBlock = BLOCK_ELEMENTS.has(node.name ?? '')
  if (isBlock) flushPiece(acc)
  for (const child of node.children ?? []) collectText(child, acc)
  if (isBlock) flushPiece(acc)
}

function flushPiece(acc: TextAccumulator): void {
  if (acc.current === '') return
  const piece = joinCjk(acc.current)
  if (piece !== '') acc.pieces.push(piece)
  acc.current = ''
}

/** Length of the raw text under a node, stopping early once it passes `limit`. */
export function textLengthOver(node: DomNode, limit: number): boolean {
  let length = 0
  const stack: DomNode[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()
    if (!n) break
    if (n.type === 'text') {
      length += (n.data ?? '').length
      if (length > limit) return true
    } else if (n.children) {
      for (const child of n.children) stack.push(child)
    }
  }
  return false
}

function spanOf(cell: DomNode, attribute: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.attribs?.[attribute] ?? '1', 10)
  // HTML: rowspan="0" spans to the end of the table section; we read it as "to the end of the table".
  if (value === 0 && attribute === 'rowspan') return MAX_SPAN
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1
}

/** Expands the table into a rectangular grid of cell texts; short rows are padded with ''. */
export function tableGrid(table: DomNode): string[][] {
  const rows = tableRows(table)
  const grid: (string | undefined)[][] = rows.map(() => [])
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of rowCells(row)) {
      const line = grid[r] ?? []
      while (line[c] !== undefined) c++
      const text = cellText(cell)
      const rowspan = Math.min(spanOf(cell, 'rowspan'), rows.length - r)
      const colspan = spanOf(cell, 'colspan')
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]
        if (!target) continue
        for (let dc = 0; dc < colspan; dc++) if (target[c + dc] === undefined) target[c + dc] = text
      }
      c += colspan
    }
  })
  let width = 0
  for (const line of grid) width = Math.max(width, line.length)
  const out: string[][] = []
  for (const line of grid) {
    const full: string[] = new Array<string>(width)
    for (let i = 0; i < width; i++) full[i] = line[i] ?? ''
    if (width > 0) out.push(full)
  }
  return out
}
