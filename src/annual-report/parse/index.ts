/**
 * Parsing published annual reports: any input (text, Markdown, HTML, DOCX, PDF) → one ParsedReport.
 * Each extractor only turns its input into source blocks; `mapReport` reads the report out of them.
 */
import { decodeText, detectInputKind } from './detect-input.ts'
import { extractDocxBlocks } from './docx.ts'
import { extractHtmlBlocks } from './html.ts'
import { mapReport } from './map-report.ts'
import { extractMarkdownBlocks } from './markdown.ts'
import type { ParsedReport } from './parsed-report.ts'
import { extractPdfBlocks } from './pdf.ts'
import type { InputKind, SourceBlock } from './source.ts'
import { extractTextBlocks } from './text.ts'

export type { ParsedReport } from './parsed-report.ts'
export type { InputKind, SourceBlock } from './source.ts'
export { detectInputKind } from './detect-input.ts'
export { mapReport } from './map-report.ts'
export { extractTextBlocks } from './text.ts'
export { extractMarkdownBlocks } from './markdown.ts'

/** Options of `parseReport`. */
export interface ParseOptions {
  /** File name, used as a hint when the content does not decide the kind (e.g. `.md`). */
  filename?: string
}

/**
 * Parse a report from a file's bytes or text, detecting the input kind. Never rejects for bad input: an
 * unreadable or foreign file gives `recognised: false`, a cut one gives what is there plus `missing`.
 */
export async function parseReport(input: Buffer | string, options: ParseOptions = {}): Promise<ParsedReport> {
  const kind = detectInputKind(input, options.filename)
  try {
    if (kind === 'pdf' || kind === 'docx') {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input
      const blocks = kind === 'pdf' ? await extractPdfBlocks(bytes) : await extractDocxBlocks(bytes)
      return mapReport(blocks, kind)
    }
    const text = typeof input === 'string' ? input : decodeText(input)
    return mapReport(textBlocks(text, kind), kind)
  } catch {
    // A damaged PDF or DOCX makes its library throw; the caller gets "not recognised" (CLI exit 2).
    return mapReport([], kind)
  }
}

/**
 * Parse a report from a string (text, Markdown or HTML) synchronously, detecting which of the three it is.
 * Used by benches and tests, and wherever the input is already text.
 */
export function parseReportText(text: string, options: ParseOptions = {}): ParsedReport {
  const detected = detectInputKind(text, options.filename)
  const kind: InputKind = detected === 'pdf' || detected === 'docx' ? 'text' : detected
  return mapReport(textBlocks(text, kind), kind)
}

function textBlocks(text: string, kind: InputKind): SourceBlock[] {
  if (kind === 'html') return extractHtmlBlocks(text)
  if (kind === 'markdown') return extractMarkdownBlocks(text)
  return extractTextBlocks(text)
}
