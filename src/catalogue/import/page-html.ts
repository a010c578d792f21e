// A saved government page as HTML: site metadata in <meta> tags (ArticleTitle, PubDate, ContentSource), the
// catalogue metadata block (a table, list or line of `label：value` pairs), the article body inside the site
// chrome (navigation, breadcrumbs, toolbars, footer), which is dropped.
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim'
import type { SourceBlock } from '../../annual-report/index.ts'
import { isChromeLine, isFooterLine, readChromeDate, readViewCount } from './page-chrome.ts'
import { isMetadataLine } from './page-metadata.ts'
import { sanitizeBody } from './sanitize-body.ts'

/** The parts of an HTML page before metadata mapping. */
export interface HtmlPageParts {
  /** `<meta name="ArticleTitle">`, `PubDate`, `ContentSource` (政府网站 page identity), when present. */
  meta: { title: string | null; published: string | null; source: string | null }
  metadataBlocks: SourceBlock[]
  headingTitle: string | null
  documentTitle: string | null
  chromeDate: string | null
  viewCount: number | null
  bodyHtml: string
  imagesDropped: number
}

// Element = whatever cheerio hands back; only its tag name and attributes are read.
type Node = Cheerio<never>

const NOISE =
  'script, style, noscript, iframe, form, select, input, button, link, meta, svg, object, template'
// Content containers of the CMSs government sites run on (TRS, 大汉, 政府网站集约化平台 …), best first.
const BODY_SELECTORS = [
  '#UCAP-CONTENT',
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#zoom',
  '#Zoom',
  '.zoom',
  '.article-content',
  '.article_content',
  '.articleContent',
  '#article-content',
  '.content_text',
  '.pages_content',
  '.wzcon',
  '.art_con',
  '.zw',
  '#zw',
  '.detail-content',
  '.main-text',
  '#content',
  '.content',
  'article',
]
const CHROME_CLASS =
  /(^|[-_\s])(nav|navbar|menu|breadcrumb|crumbs?|position|location|share|bdshare|print|toolbar|tools|footer|foot|sidebar|fontsize|related|relevant|pager|pagination|copyright)([-_\s]|$)/i
const CHROME_LINK =
  /^\s*[【[]?\s*(下载\s*(Word|PDF|WPS|OFD)|打印(本页|此页)?|关闭(窗口|本页)?|返回顶部)\s*[】\]]?\s*$/i
const BLOCK = 'p, div, li, tr, td, th, h1, h2, h3, h4, h5, h6, dt, dd, caption, section, article, center, br'

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

function metaContent($: CheerioAPI, name: string): string | null {
  const el = $('meta').filter((_, m) => ($(m).attr('name') ?? '').toLowerCase() === name.toLowerCase())
  const value = clean(el.first().attr('content') ?? '')
  return value === '' ? null : value
}

const BLOCK_TAGS = new Set(BLOCK.split(', '))

interface TextNode {
  type: string
  name?: string
  data?: string
  children?: TextNode[]
}

/** Text of an element with a line break at every block element (a walk, no DOM edits: pages can be large). */
function linesOf(el: Node): string[] {
  const parts: string[] = []
  const visit = (node: TextNode): void => {
    if (node.type === 'text') {
      parts.push(node.data ?? '')
      return
    }
    const block = node.name !== undefined && BLOCK_TAGS.has(node.name)
    if (block) parts.push('\n')
    for (const child of node.children ?? []) visit(child)
    if (block) parts.push('\n')
  }
  for (const node of el.toArray() as unknown as TextNode[]) visit(node)
  return parts
    .join('')
    .split('\n')
    .map(clean)
    .filter((l) => l !== '')
}

function rowsOf($: CheerioAPI, table: Node): string[][] {
  return table
    .find('tr')
    .toArray()
    .map((tr) =>
      $(tr)
        .children('td, th')
        .toArray()
        .map((c) => clean($(c).text())),
    )
}

/** Tables holding two or more metadata labels: taken out of the page as metadata. */
function takeMetadataTables($: CheerioAPI): SourceBlock[] {
  const blocks: SourceBlock[] = []
  $('table').each((_, t) => {
    const table = $(t) as Node
    if (table.find('table').length > 0) return
    const rows = rowsOf($, table)
    const labels = rows.flat().filter((c) => isMetadataLine(`${c.replace(/[:：]$/, '')}:x`)).length
    if (labels >= 2) {
      blocks.push({ kind: 'table', rows })
      table.remove()
    }
  })
  $('dl').each((_, dl) => {
    const pairs: string[] = []
    $(dl)
      .children('dt, dd')
      .each((_, c) => {
        pairs.push(clean($(c).text()))
      })
    if (pairs.some((c) => isMetadataLine(`${c.replace(/[:：]$/, '')}:x`))) {
      blocks.push({ kind: 'table', rows: [pairs] })
      $(dl).remove()
    }
  })
  return blocks
}

function isChromeElement(el: Node): boolean {
  const tag = (el.prop('tagName') ?? '').toLowerCase()
  if (tag === 'nav' || tag === 'header' || tag === 'footer' || tag === 'aside') return true
  const names = `${el.attr('class') ?? ''} ${el.attr('id') ?? ''}`
  return CHROME_CLASS.test(names)
}

function findBody($: CheerioAPI): Node {
  for (const selector of BODY_SELECTORS) {
    const found = $(selector)
      .toArray()
      .map((e) => $(e) as Node)
      .find((e) => !isChromeElement(e) && clean(e.text()).length >= 10)
    if (found) return found
  }
  // No known container: the element whose own paragraphs hold the most text.
  let best: Node | null = null
  let bestScore = 0
  $('div, td, section, main, article').each((_, e) => {
    const el = $(e) as Node
    const own = el
      .contents()
      .toArray()
      .map((c) =>
        (c.type as string) === 'text'
          ? clean($(c).text())
          : /^(p|h[2-6]|table|ul|ol)$/i.test((c as { name?: string }).name ?? '')
            ? clean($(c).text())
            : '',
      )
      .join('')
    if (own.length > bestScore) {
      best = el
      bestScore = own.length
    }
  })
  return best ?? ($('body') as Node)
}

/** Removes chrome inside the body: toolbars, download/print/close links, chrome-only and metadata lines. */
function stripBodyChrome($: CheerioAPI, body: Node, title: string | null): void {
  body.find('*').each((_, e) => {
    const el = $(e) as Node
    if (isChromeElement(el)) el.remove()
  })
  body.find('a').each((_, a) => {
    if (CHROME_LINK.test($(a).text())) $(a).remove()
  })
  body.find('p, div, span, li, h1, h2, h3, h4, h5, h6, center, td').each((_, e) => {
    const el = $(e) as Node
    if (el.find('p, div, table, li').length > 0) return
    const text = clean(el.text())
    if (text === '' && el.find('img').length === 0) return
    const isTitle = title !== null && text === title && /^h\d$/i.test(el.prop('tagName') ?? '')
    if (
      isTitle ||
      (isChromeLine(text) && /下载|打印|关闭|浏览|分享|字号|点击|来源|时间/.test(text)) ||
      isFooterLine(text)
    ) {
      el.remove()
    }
  })
}

/** Divs holding only inline content become paragraphs; other divs are unwrapped, so sanitising keeps breaks. */
function divsToParagraphs($: CheerioAPI, body: Node): void {
  const divs = body.find('div, section, article, center').toArray().reverse()
  for (const d of divs) {
    const el = $(d) as Node
    if (el.children('p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, section, article').length > 0) {
      el.replaceWith(el.contents())
    } else {
      ;(d as { name: string }).name = 'p'
    }
  }
}

function headingTitle($: CheerioAPI, hints: readonly (string | null)[]): string | null {
  const candidates = $('h1, h2, h3, .title, .article-title, .articleTitle, #title, .tit, .bt')
    .toArray()
    .map((e) => clean($(e).text()))
    .filter((t) => t.length >= 4 && t.length <= 120 && !isChromeLine(t))
  // The site name is often an <h1> too, and in the <title> as well: the longest heading the hints contain wins.
  const hinted = candidates.filter((t) => hints.some((h) => h !== null && h.includes(t)))
  const longest = hinted.reduce<string | null>(
    (best, t) => (best === null || t.length > best.length ? t : best),
    null,
  )
  return longest ?? candidates[0] ?? null
}

/** Splits an HTML page into its metadata, title hints and sanitised body. */
export function readHtmlPage(html: string): HtmlPageParts {
  const $ = load(html)
  const meta = {
    title: metaContent($, 'ArticleTitle'),
    published: metaContent($, 'PubDate'),
    source: metaContent($, 'ContentSource'),
  }
  const documentTitle = clean($('title').first().text()) || null
  $(NOISE).remove()
  const pageText = linesOf($.root() as Node).join('\n')
  const viewCount = readViewCount(pageText)
  const chromeDate = readChromeDate(pageText)
  const title = headingTitle($, [meta.title, documentTitle])
  const metadataBlocks = takeMetadataTables($)
  const body = findBody($)
  // Lines outside the body may carry `label：value` metadata (a <ul> or a line of spans above the article).
  body.attr('data-gongkai-body', '')
  const outside = $.root().clone() as Node
  outside.find('[data-gongkai-body]').remove()
  body.removeAttr('data-gongkai-body')
  for (const line of linesOf(outside)) {
    if (isMetadataLine(line)) metadataBlocks.push({ kind: 'text', text: line })
  }
  stripBodyChrome($, body, title ?? meta.title)
  // Leading metadata lines inside the body container are metadata, not body.
  for (const e of body.find('p, li, div, span').toArray()) {
    const el = $(e) as Node
    if (el.find('p, div, li').length > 0) continue
    const text = clean(el.text())
    if (text === '') continue
    if (!isMetadataLine(text)) break
    metadataBlocks.push({ kind: 'text', text })
    el.remove()
  }
  const imagesDropped = body.find('img').length
  divsToParagraphs($, body)
  const bodyHtml = sanitizeBody(body.html() ?? '')
  return {
    meta,
    metadataBlocks,
    headingTitle: title,
    documentTitle,
    chromeDate,
    viewCount,
    bodyHtml,
    imagesDropped,
  }
}
