// Placeholder so the parser entry point compiles: the docs-parser engineer replaces this file with the real
// PDF extractor. Until then a PDF yields no blocks and parses as "not recognised".
import type { SourceBlock } from './source.ts'

/** PDF → source blocks (placeholder: returns no blocks). */
export function extractPdfBlocks(_buf: Buffer): Promise<SourceBlock[]> {
  return Promise.resolve([])
}
