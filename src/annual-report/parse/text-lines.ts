/**
 * Lines of copied text → source blocks. Three shapes are met:
 * - one cell per line, blank lines between cells (the seed, 015): every non-empty line is a text block;
 * - cells separated by lines holding only `|` (013): the lines between two `|` lines are one cell, a header
 *   cell split over short lines (`本年新` / `制作数量`) joined back;
 * - one row per line, `a | b | c` (Markdown pipe tables too): consecutive such lines form a table block,
 *   an empty cell between two pipes being an explicit blank.
 */
import type { SourceBlock } from './source.ts'

// A `|` separated cell of several lines is only joined when each piece is this short (a wrapped header).
const MAX_WRAPPED_PIECE = 10

/** Turn text lines into blocks (see the file comment for the shapes). */
export function linesToBlocks(lines: readonly string[]): SourceBlock[] {
  const blocks: SourceBlock[] = []
  const state: { table: string[][] | null; cell: string[] | null } = { table: null, cell: null }

  const closeTable = (): void => {
    if (state.table) blocks.push({ kind: 'table', rows: state.table })
    state.table = null
  }

  for (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    if (line === '|') {
      // In the `|`-line shape the lines since the last lone `|` are one cell.
      closeTable()
      if (state.cell) pushCell(blocks, state.cell)
      state.cell = []
      continue
    }
    if (isSeparatorRow(line)) continue
    const cells = line.includes('|') ? splitRow(line) : null
    if (cells && cells.length >= 2) {
      if (state.cell) pushCell(blocks, state.cell)
      state.cell = state.cell ? [] : null
      state.table ??= []
      state.table.push(cells)
      continue
    }
    closeTable()
    const text = cells ? (cells[0] ?? '') : line
    if (state.cell) state.cell.push(text)
    else blocks.push({ kind: 'text', text })
  }
  closeTable()
  if (state.cell) pushCell(blocks, state.cell)
  return blocks
}

function pushCell(blocks: SourceBlock[], pieces: readonly string[]): void {
  const wrapped =
    pieces.length > 1 && pieces.every((p) => p.length <= MAX_WRAPPED_PIECE && !/^[\d.,+-]+$/.test(p))
  if (wrapped) {
    blocks.push({ kind: 'text', text: pieces.join('') })
    return
  }
  for (const text of pieces) blocks.push({ kind: 'text', text })
}

/** `| a | b |` or `a | b` → cells; the outer pipes of a Markdown row do not make empty cells. */
function splitRow(line: string): string[] {
  const cells = line.split('|').map((c) => c.trim())
  if (line.startsWith('|')) cells.shift()
  if (line.endsWith('|') && cells.length > 0) cells.pop()
  return cells
}

/**
 * A Markdown table's `|---|:---:|` line. A scan, not a regex: nested quantifiers over spaces and dashes
 * backtrack quadratically on long lines.
 */
export function isSeparatorRow(line: string): boolean {
  let pipes = 0
  let dashes = 0
  for (const ch of line) {
    if (ch === '|') pipes++
    else if (ch === '-') dashes++
    else if (ch !== ':' && ch !== ' ' && ch !== '\t') return false
  }
  return pipes > 0 && dashes >= 2
}
