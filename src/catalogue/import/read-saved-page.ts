// `readSavedPage`: a page saved from another government site (HTML, or text copied from the browser like the
// seed sample) → its catalogue metadata and sanitised body. Pure; never throws for any input.
import { detectInputKind, type SourceBlock } from '../../annual-report/index.ts'
import { bodyTextOf } from './body-text.ts'
import { decodeInput, looksBinary } from './decode-input.ts'
import { readHtmlPage } from './page-html.ts'
import { isoDate, readPageMetadata, type PageMetadata } from './page-metadata.ts'
import { readTextPage } from './page-text.ts'
import type { SavedPage } from './saved-page.ts'
import { sanitizeBody } from './sanitize-body.ts'

// Larger inputs are cut: no saved article page comes near this, and the parsers stay fast on hostile input.
const MAX_CHARS = 5_000_000

/** Prefix of the problem recorded when reading failed unexpectedly (a bug, not bad input). */
export const UNEXPECTED_PROBLEM = '读取页面时出错'

function emptyPage(problems: string[]): SavedPage {
  return {
    title: null,
    indexNumber: null,
    topic: null,
    publisher: null,
    writtenOn: null,
    publishedOn: null,
    docNumber: null,
    validity: null,
    keywords: null,
    summary: null,
    viewCount: null,
    bodyHtml: '',
    bodyText: '',
    problems,
  }
}

/** The first segment of a <title> (`标题 - 站点名` / `标题_站点名`). */
function titleFromDocumentTitle(title: string | null): string | null {
  const first = title?.split(/\s[-–—|]\s|_|\|/)[0]?.trim()
  return first === undefined || first === '' ? null : first
}

function page(metadata: PageMetadata, rest: Omit<SavedPage, keyof PageMetadata | 'bodyText'>): SavedPage {
  const bodyHtml = sanitizeBody(rest.bodyHtml)
  return { ...metadata, ...rest, bodyHtml, bodyText: bodyTextOf(bodyHtml) }
}

function fromHtml(html: string, problems: string[]): SavedPage {
  const parts = readHtmlPage(html)
  const metadata = readPageMetadata(parts.metadataBlocks, problems)
  metadata.title =
    parts.meta.title ?? metadata.title ?? parts.headingTitle ?? titleFromDocumentTitle(parts.documentTitle)
  metadata.publisher ??= parts.meta.source
  metadata.publishedOn ??= isoDate(parts.meta.published ?? parts.chromeDate, '发布日期', problems)
  if (parts.imagesDropped > 0) problems.push(`正文中的${parts.imagesDropped}张图片未导入`)
  return page(metadata, { viewCount: parts.viewCount, bodyHtml: parts.bodyHtml, problems })
}

function fromText(text: string, problems: string[]): SavedPage {
  const parts = readTextPage(text)
  const blocks: SourceBlock[] = parts.metadataLines.map((line) => ({ kind: 'text', text: line }))
  const metadata = readPageMetadata(blocks, problems)
  metadata.title ??= parts.headingTitle
  metadata.publishedOn ??= isoDate(parts.chromeDate, '发布日期', problems)
  return page(metadata, { viewCount: parts.viewCount, bodyHtml: parts.bodyHtml, problems })
}

/** What a caller should know about a page that was read: the fields an item needs but the page lacked. */
function missingProblems(result: SavedPage): string[] {
  const missing: string[] = []
  if (result.title === null) missing.push('未找到标题')
  if (result.indexNumber === null) missing.push('未找到索引号')
  if (result.publishedOn === null) missing.push('未找到发布日期')
  if (result.bodyText.trim() === '') missing.push('正文为空')
  return missing
}

/**
 * Reads a saved page. `fileName` is a hint for the kind (`.html`, `.txt`); the content decides first.
 * Never throws: whatever could not be read is null, and `problems` says why.
 */
export function readSavedPage(input: string | Buffer, fileName: string): SavedPage {
  const problems: string[] = []
  try {
    let text = decodeInput(input)
    if (looksBinary(text)) return emptyPage([`${fileName}不是文本或网页文件`])
    if (text.length > MAX_CHARS) {
      text = text.slice(0, MAX_CHARS)
      problems.push('文件过大，只读取了前500万个字符')
    }
    const kind = detectInputKind(text, fileName)
    const isHtml = kind === 'html' || /\.s?html?$/i.test(fileName)
    const result = isHtml ? fromHtml(text, problems) : fromText(text, problems)
    result.problems.push(...missingProblems(result))
    return result
  } catch (err) {
    return emptyPage([`${UNEXPECTED_PROBLEM}：${err instanceof Error ? err.message : String(err)}`])
  }
}
