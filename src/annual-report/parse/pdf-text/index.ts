// A light reader of the PDF text layer: the same positioned text items pdfjs's getTextContent gives, read
// without parsing glyph programs or running pdfjs's evaluator (a report in a few milliseconds instead of a few
// hundred). It covers what office suites write (Flate streams, Identity-H/V CID fonts with ToUnicode, simple
// fonts with ToUnicode or ASCII text); anything else throws UnsupportedPdf and the caller uses pdfjs.
import type { PdfPage } from '../pdf-geometry.ts'
import { PdfFile } from './pdf-file.ts'
import { pageTextItems, type FontCache } from './text-content.ts'

export { UnsupportedPdf } from './lexer.ts'

/** Positioned text of every page. Throws on anything it cannot read as pdfjs would. */
export function readTextLayer(buf: Uint8Array): PdfPage[] {
  const file = new PdfFile(buf)
  const fonts: FontCache = new Map()
  return file.pages().map((page) => {
    const [, , x1, y1] = page.view
    return { width: x1, height: y1, items: pageTextItems(file, page, fonts) }
  })
}
