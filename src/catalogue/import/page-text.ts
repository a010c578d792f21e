// A saved page as flattened text (the seed sample): column name, title, chrome line, bulleted metadata, body
// in blank-line-separated blocks, footer. An annual report's tables, flattened one cell per line, are rebuilt
// as HTML tables through the annual-report module when it recognises the report.
import { paragraphsHtml } from './paragraphs-html.ts'
import { isChromeLine, isFooterLine, readChromeDate, readViewCount } from './page-chrome.ts'
import { isMetadataLine } from './page-metadata.ts'
import { annualReportBodyHtml } from './annual-report-body.ts'

/** The parts of a text page before metadata mapping. */
export interface TextPageParts {
  /** Lines of the metadata block. */
  metadataLines: string[]
  /** A title-like line printed above the metadata, if any. */
  headingTitle: string | null
  chromeDate: string | null
  viewCount: number | null
  bodyHtml: string
}

// The page head (title, chrome, metadata) is looked for in the first lines only.
const HEAD_LINES = 40
// A line this long is prose: the head ends before it.
const PROSE_CHARS = 80

function headEnd(lines: readonly string[]): number {
  let seen = 0
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line === '') continue
    if (++seen > HEAD_LINES || line.length >= PROSE_CHARS) return i
  }
  return lines.length
}

// Lines that are neither chrome nor metadata allowed in the head (column name, title, a subtitle).
const HEAD_OTHER_LINES = 3
const HEAD_OTHER_CHARS = 60

/**
 * Index after the last chrome or metadata line of the head; 0 when the head has none. The head ends at
 * prose: a line ending in 。, a long line, or more other lines than a head has.
 */
function bodyStart(lines: readonly string[], end: number): { start: number; metadata: number[] } {
  const metadata: number[] = []
  let start = 0
  let others = 0
  for (let i = 0; i < end; i++) {
    const line = (lines[i] ?? '').trim()
    if (line === '') continue
    if (isMetadataLine(line)) {
      metadata.push(i)
      start = i + 1
    } else if (isChromeLine(line)) {
      start = i + 1
    } else if (++others > HEAD_OTHER_LINES || line.length > HEAD_OTHER_CHARS || /[。；;]$/.test(line)) {
      break
    }
  }
  return { start, metadata }
}

/** Index of the first footer line among the last lines; chrome lines right before it go too. */
function bodyEnd(lines: readonly string[], start: number): number {
  let end = lines.length
  for (let i = lines.length - 1; i >= Math.max(start, lines.length - 30); i--) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || isFooterLine(line) || isChromeLine(line)) {
      if (line.trim() !== '') end = i
    } else {
      break
    }
  }
  return end
}

/** The longest title-like line above the metadata (the first is often the column name, e.g. 政府信息公开). */
function headingTitle(lines: readonly string[], before: number): string | null {
  let best: string | null = null
  for (let i = 0; i < before; i++) {
    const line = (lines[i] ?? '').trim()
    if (line === '' || isChromeLine(line) || isMetadataLine(line) || line.length > 60) continue
    // A section heading (一、总体情况) is the start of the body, not a title.
    if (/^[一二三四五六七八九十]+、/.test(line)) continue
    if (best === null || line.length > best.length) best = line
  }
  return best
}

/** Blank-line-separated blocks; text with no blank line at all gives one block per line. */
function blocks(lines: readonly string[]): string[][] {
  const hasBlank = lines.some((l) => l.trim() === '')
  const out: string[][] = []
  let current: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '' || !hasBlank) {
      if (line !== '') out.push([line])
      if (current.length > 0) out.push(current)
      current = []
      continue
    }
    if (!(isChromeLine(line) && /下载|打印|关闭|浏览|分享/.test(line))) current.push(line)
  }
  if (current.length > 0) out.push(current)
  return out
}

/** Splits a flattened text page into head, metadata and body. */
export function readTextPage(text: string): TextPageParts {
  // Markdown heading marks (a page converted to Markdown) are not part of the text.
  const lines = text.split(/\r\n?|\n/).map((line) => line.replace(/^\s{0,3}#{1,6}\s+/, ''))
  const end = headEnd(lines)
  const { start, metadata } = bodyStart(lines, end)
  const firstMeta = metadata[0] ?? start
  const titleLine = headingTitle(lines, start === 0 ? Math.min(1, lines.length) : firstMeta)
  const bodyFrom =
    start === 0 && titleLine !== null ? lines.findIndex((l) => l.trim() === titleLine) + 1 : start
  const head = lines.slice(0, bodyFrom).join('\n')
  const bodyLines = lines.slice(bodyFrom, bodyEnd(lines, bodyFrom))
  const bodyBlocks = blocks(bodyLines)
  return {
    metadataLines: metadata.map((i) => lines[i] ?? ''),
    headingTitle: titleLine,
    chromeDate: readChromeDate(head),
    viewCount: readViewCount(head),
    bodyHtml: annualReportBodyHtml(text, bodyBlocks) ?? paragraphsHtml(bodyBlocks),
  }
}
