/**
 * Which kind of input a file is, from its bytes first and its name second: PDF by `%PDF`, DOCX by a zip
 * holding `word/document.xml`, HTML by tags, Markdown by pipe-table separator rows or `#` headings, else text.
 */
import type { InputKind } from './source.ts'
import { isSeparatorRow } from './text-lines.ts'

const HTML_TAG = /<(?:html|body|table|tr|td|p|div|h[1-6]|br|span)\b[^<>]{0,500}>/i
const MARKDOWN_HEADING = /^#{1,6}\s+\S/m
// Sniffing looks at the start of a text only: enough to see tags or a table, and bounded for huge inputs.
const SNIFF_CHARS = 200_000

/** Detect the input kind of raw bytes or a string. */
export function detectInputKind(input: Buffer | string, filename?: string): InputKind {
  if (typeof input !== 'string') {
    if (input.subarray(0, 1024).includes('%PDF')) return 'pdf'
    if (input[0] === 0x50 && input[1] === 0x4b && input.includes('word/document.xml')) return 'docx'
  }
  const ext = filename?.toLowerCase().split('.').pop()
  const text =
    typeof input === 'string'
      ? input.slice(0, SNIFF_CHARS)
      : new TextDecoder().decode(input.subarray(0, SNIFF_CHARS))
  if (HTML_TAG.test(text)) return 'html'
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (
    MARKDOWN_HEADING.test(text) ||
    text.split('\n').some((line) => line.includes('---') && isSeparatorRow(line.trim()))
  ) {
    return 'markdown'
  }
  return 'text'
}

/** Bytes → text: UTF-8 (BOM dropped); pages saved from older sites in GBK/GB18030 are decoded as such. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
