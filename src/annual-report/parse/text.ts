/**
 * Flattened text as copied from a disclosure page (one cell per line, `|` lines, `a | b | c` rows).
 */
import { mapReport } from './map-report.ts'
import type { ParsedReport } from './parsed-report.ts'
import type { SourceBlock } from './source.ts'
import { linesToBlocks } from './text-lines.ts'

/** Split copied text into source blocks. */
export function extractTextBlocks(text: string): SourceBlock[] {
  return linesToBlocks(text.replace(/^\ufeff/, '').split(/\r\n?|\n/))
}

/** Parse a report from flattened text. */
export function parseTextReport(text: string): ParsedReport {
  return mapReport(extractTextBlocks(text), 'text')
}
