/**
 * Source blocks as one stream of tokens: a text block is one token; a table gives one token per cell with
 * the end of each row marked. The reader walks this stream once, so prose, flattened cells and real tables
 * go through the same label matching.
 */
import { parseCellValue } from './normalize.ts'
import type { SourceBlock } from './source.ts'

export interface Token {
  text: string
  /** The token is a cell of a table block (an empty cell there is an explicit blank). */
  inTable: boolean
  /** Last cell of a table row: whatever row was being read ends here. */
  rowEnd: boolean
  /** Split off the same text line as the token before it (prose keeps it on one line). */
  sameLine?: boolean
}

// Lines longer than this are prose, never a label followed by its values.
const MAX_INLINE_ROW = 120

/** Flatten blocks into tokens; a text line like `规章 0 0 0` becomes a label token and three value tokens. */
export function toTokens(blocks: readonly SourceBlock[]): Token[] {
  const tokens: Token[] = []
  for (const block of blocks) {
    if (block.kind === 'text') {
      pushTextLine(tokens, block.text)
      continue
    }
    for (const row of block.rows) {
      row.forEach((cell, i) => tokens.push({ text: cell, inTable: true, rowEnd: i === row.length - 1 }))
    }
  }
  return tokens
}

function pushTextLine(tokens: Token[], line: string): void {
  const text = line.trim()
  if (text === '') return
  if (text.length > MAX_INLINE_ROW || !/\s/.test(text)) {
    tokens.push({ text, inTable: false, rowEnd: false })
    return
  }
  // Peel value-looking words off the end: PDF text and hand-typed rows put a row on one line.
  const words = text.split(/\s+/)
  let cut = words.length
  while (cut > 0 && isValueWord(words[cut - 1] ?? '')) cut--
  if (cut === words.length) {
    tokens.push({ text, inTable: false, rowEnd: false })
    return
  }
  if (cut > 0) tokens.push({ text: words.slice(0, cut).join(' '), inTable: false, rowEnd: false })
  words
    .slice(cut)
    .forEach((w, i) => tokens.push({ text: w, inTable: false, rowEnd: false, sameLine: cut > 0 || i > 0 }))
}

function isValueWord(word: string): boolean {
  const v = parseCellValue(word)
  return v !== null && word !== '无'
}
