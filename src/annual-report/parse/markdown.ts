/**
 * Markdown from PDF converters (003.txt): `#` headings, pipe tables with placeholder or invented headers,
 * tables cut into pieces. Headers are not trusted here: the mapper reads rows by their labels, so a table
 * only has to be turned into rows of cells.
 */
import { mapReport } from './map-report.ts'
import type { ParsedReport } from './parsed-report.ts'
import type { SourceBlock } from './source.ts'
import { linesToBlocks } from './text-lines.ts'

const HEADING = /^\s{0,3}#{1,6}\s+/
const QUOTE = /^\s*>\s?/
const EMPHASIS = /\*\*|__/g

/** Split Markdown into source blocks: heading markers, quotes and emphasis dropped, pipe tables as tables. */
export function extractMarkdownBlocks(markdown: string): SourceBlock[] {
  const lines = markdown
    .replace(/^\ufeff/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(QUOTE, '').replace(HEADING, '').replace(EMPHASIS, ''))
  return linesToBlocks(lines)
}

/** Parse a report from Markdown. */
export function parseMarkdownReport(markdown: string): ParsedReport {
  return mapReport(extractMarkdownBlocks(markdown), 'markdown')
}
