// PDF input: the text layer (read by pdf-text/, or by pdfjs-dist for files it does not cover: no rendering, no
// worker, no network), reduced to source blocks by position: prose lines joined into paragraphs, table regions
// into grids.
import { chunkLines, pageChunks, type Line, type PdfPage, type PdfTextItem } from './pdf-geometry.ts'
import { paragraphs, splitRegions } from './pdf-regions.ts'
import { regionBlocks } from './pdf-table.ts'
import { readTextLayer } from './pdf-text/index.ts'
import { loadPdfJs, pdfjsAssets } from './pdfjs-loader.ts'
import type { SourceBlock } from './source.ts'

/**
 * Reads the blocks of a PDF from its text layer. Never throws: a damaged or image-only PDF gives the blocks of
 * the pages that could be read, possibly none.
 */
export async function extractPdfBlocks(buf: Buffer): Promise<SourceBlock[]> {
  const pages = await readPages(buf)
  return pagesToBlocks(pages)
}

/**
 * Positioned text of every readable page: read directly when the file uses only what office suites write
 * (pdf-text/), else with pdfjs. Both give the same items (pdf-text.test.ts compares them on the fixtures).
 */
async function readPages(buf: Buffer): Promise<PdfPage[]> {
  try {
    return readTextLayer(buf)
  } catch {
    return readPagesWithPdfJs(buf)
  }
}

/** Positioned text of every readable page, read with pdfjs (exported for tests). */
export async function readPagesWithPdfJs(buf: Buffer): Promise<PdfPage[]> {
  const pages: PdfPage[] = []
  try {
    const { getDocument } = await loadPdfJs()
    // A copy: pdfjs takes ownership of (and may detach) the buffer it is given.
    const task = getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      useWorkerFetch: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
      ...pdfjsAssets,
    })
    const doc = await task.promise
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n)
        const [, , width, height] = page.view
        const content = await page.getTextContent()
        const items: PdfTextItem[] = []
        for (const item of content.items) {
          if (!('str' in item)) continue
          const [, , , , x, y] = item.transform as number[]
          const vertical = content.styles[item.fontName]?.vertical === true
          items.push({
            str: item.str,
            x: x ?? 0,
            y: y ?? 0,
            width: item.width,
            height: item.height,
            vertical,
          })
        }
        pages.push({ width: width ?? 0, height: height ?? 0, items })
        page.cleanup()
      }
    } finally {
      await task.destroy()
    }
  } catch {
    // Damaged file: keep the pages read before the damage.
  }
  return pages
}

/** Positioned text → blocks (pure; exported for tests). */
export function pagesToBlocks(pages: PdfPage[]): SourceBlock[] {
  const lines: Line[] = pages.flatMap((page, i) => chunkLines(pageChunks(page, i), i, page.height))
  const regions = splitRegions(lines)
  // The prose's size, not the tables': a report whose tables hold most of its characters (small type) would
  // otherwise have every prose line taken for a title and its headings run into their paragraphs.
  const prose = regions.flatMap((r) => (r.kind === 'table' ? [] : r.lines))
  const bodySize = typicalSize(prose.length > 0 ? prose : lines)
  const blocks: SourceBlock[] = []
  for (const region of regions) {
    if (region.kind === 'table') blocks.push(...regionBlocks(region.lines))
    else for (const text of paragraphs(region.lines, bodySize)) blocks.push({ kind: 'text', text })
  }
  return blocks
}

/** The font size most of the text is set in (by characters). */
function typicalSize(lines: Line[]): number {
  const bySize = new Map<number, number>()
  for (const chunk of lines.flatMap((l) => l.chunks)) {
    const size = Math.round(chunk.size)
    bySize.set(size, (bySize.get(size) ?? 0) + chunk.text.length)
  }
  let best = 12
  let count = -1
  for (const [size, n] of bySize) if (n > count) [best, count] = [size, n]
  return best
}
