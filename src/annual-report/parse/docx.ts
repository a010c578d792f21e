// Placeholder so the parser entry point compiles: the docs-parser engineer replaces this file with the real
// DOCX extractor. Until then a DOCX yields no blocks and parses as "not recognised".
import type { SourceBlock } from './source.ts'

/** DOCX → source blocks (placeholder: returns no blocks). */
export function extractDocxBlocks(_buf: Buffer): Promise<SourceBlock[]> {
  return Promise.resolve([])
}
