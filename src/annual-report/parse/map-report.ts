/**
 * The heart of every parser: source blocks (from text, Markdown, HTML, DOCX or PDF) → a ParsedReport.
 * Reads the title, year and agency, the catalogue metadata block, the six sections and every cell of
 * 表二/三/四 by their labels. Never throws on bad input: a cut or partial report returns what is there, and
 * `missing` lists the cells and sections the format defines but the input lacks.
 */
import { SECTION_KEYS } from '../formats/index.ts'
import type { SectionKey } from '../formats/index.ts'
import { assembleCells } from './assemble-cells.ts'
import { matchSection } from './label-match.ts'
import { readMetadata } from './metadata.ts'
import { splitMarker } from './normalize.ts'
import type { ParsedReport } from './parsed-report.ts'
import { readTokens } from './read-tokens.ts'
import { readTitle, yearFromText } from './report-title.ts'
import type { InputKind, SourceBlock } from './source.ts'
import { toTokens } from './tokens.ts'

// Where no section heading is found, the metadata block is looked for in this many leading blocks.
const PREAMBLE_WITHOUT_HEADING = 30

/** Read an annual report out of source blocks. */
export function mapReport(blocks: readonly SourceBlock[], inputKind: InputKind): ParsedReport {
  const bodyStart = firstHeading(blocks)
  const preamble = blocks.slice(0, bodyStart ?? PREAMBLE_WITHOUT_HEADING)
  const metadata = readMetadata(preamble)
  const titled = readTitle(preamble, metadata?.title)
  const read = readTokens(toTokens(blocks))

  const sections: Partial<Record<SectionKey, string>> = {}
  for (const [key, lines] of read.sections) sections[key] = lines.join('\n')
  const missingSections = SECTION_KEYS.filter((k) => !(k in sections))
  const year =
    titled.year ?? yearFromText(read.sections.get('s1_overview') ?? []) ?? yearFromPreamble(preamble)
  const assembled = assembleCells(read, year)
  const recognised = assembled.format !== null || read.sections.size >= 2

  return {
    format: assembled.format,
    year,
    agency: titled.agency,
    title: titled.title ?? metadata?.title ?? null,
    metadata,
    sections,
    cells: assembled.cells,
    blank: assembled.blank,
    units: assembled.units,
    extraRows: assembled.extraRows,
    formatSignals: assembled.formatSignals,
    inputKind,
    missing: [...assembled.missingCells, ...(recognised ? missingSections : [])],
    recognised,
  }
}

/** Index of the first block that is a section heading (一、总体情况 …), or null. */
function firstHeading(blocks: readonly SourceBlock[]): number | null {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    if (block?.kind === 'text' && block.text.length <= 60 && matchSection(splitMarker(block.text))) return i
  }
  return null
}

function yearFromPreamble(preamble: readonly SourceBlock[]): number | null {
  return yearFromText(preamble.flatMap((b) => (b.kind === 'text' ? [b.text] : [])))
}
