// DOCX input: mammoth turns the Word document into HTML (it keeps merged cells as colspan/rowspan, from
// w:gridSpan and w:vMerge), and the HTML extractor does the rest, so Word and web pages read alike.
import mammoth from 'mammoth'
import { extractHtmlBlocks } from './html.ts'
import type { SourceBlock } from './source.ts'

/**
 * Reads the blocks of a .docx file. Never throws: a file that is not a readable Word document gives no blocks.
 */
export async function extractDocxBlocks(buf: Buffer): Promise<SourceBlock[]> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: buf })
    return extractHtmlBlocks(value)
  } catch {
    return []
  }
}
