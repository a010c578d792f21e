// The body HTML of an item as a list of blocks a Word or PDF writer can set one after another: headings,
// paragraphs of styled runs (list items are paragraphs with a marker), and tables.
import { load } from 'cheerio/slim'
import type { TableGrid } from '../../documents/index.ts'
import { tableGrid, textOf, type DomNode } from './html-table-grid.ts'

/** A stretch of text with one style. */
export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  /** Target of a link (http, https or mailto only). */
  href?: string
}

/** A list item's marker and nesting depth (0 for a top-level list). */
export interface ListMarker {
  marker: string
  depth: number
}

export type BodyBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; runs: TextRun[]; list?: ListMarker }
  | { kind: 'table'; grid: TableGrid }

type Style = Omit<TextRun, 'text'>

const SKIPPED = new Set(['img', 'script', 'style', 'noscript', 'iframe', 'object', 'svg', 'head', 'title'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const LISTS = new Set(['ul', 'ol'])
// Leading and trailing blanks of a paragraph, including the ideographic spaces pages indent with by hand.
const EDGE_BLANKS = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g

/** Collects inline runs and flushes them as a paragraph at every block boundary. */
class BlockWriter {
  readonly blocks: BodyBlock[] = []
  private runs: TextRun[] = []
  private list: ListMarker | undefined

  append(text: string, style: Style): void {
    const clean = text.replace(/[\s\u00a0]+/g, ' ')
    if (clean === '') return
    const last = this.runs[this.runs.length - 1]
    if (last && sameStyle(last, style)) last.text += clean
    else this.runs.push({ text: clean, ...style })
  }

  /** The next paragraph starts with this list marker. */
  startListItem(marker: ListMarker): void {
    this.flush()
    this.list = marker
  }

  flush(): void {
    const runs = trimRuns(this.runs)
    if (runs.length > 0) {
      this.blocks.push(this.list ? { kind: 'paragraph', runs, list: this.list } : { kind: 'paragraph', runs })
    }
    this.runs = []
    this.list = undefined
  }

  push(block: BodyBlock): void {
    this.flush()
    this.blocks.push(block)
  }
}

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href
}

/** Drops the blanks at both ends of a paragraph and the runs left empty. */
function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }))
  const first = out[0]
  if (first) first.text = first.text.replace(/^[\s\u3000\u00a0]+/, '')
  const last = out[out.length - 1]
  if (last) last.text = last.text.replace(/[\s\u3000\u00a0]+$/, '')
  return out.filter((r) => r.text !== '')
}

function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined
  const trimmed = href.trim()
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : undefined
}

function styleFor(name: string, node: DomNode, style: Style): Style {
  if (name === 'strong' || name === 'b') return { ...style, bold: true }
  if (name === 'em' || name === 'i') return { ...style, italic: true }
  if (name === 'u') return { ...style, underline: true }
  if (name === 'a') {
    const href = safeHref(node.attribs?.href)
    return href === undefined ? style : { ...style, href }
  }
  return style
}

function headingLevel(name: string): 1 | 2 | 3 | 4 {
  const n = Number(name.slice(1))
  return n <= 1 ? 1 : n === 2 ? 2 : n === 3 ? 3 : 4
}

function walk(nodes: readonly DomNode[], out: BlockWriter, style: Style, depth: number): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.append(node.data ?? '', style)
      continue
    }
    if (node.type !== 'tag' && node.type !== 'root') continue
    const name = (node.name ?? '').toLowerCase()
    if (SKIPPED.has(name)) continue
    if (name === 'br') {
      // A <br> inside a paragraph separates lines that pages use as paragraphs (signatures, dates, lists).
      out.flush()
      continue
    }
    if (HEADINGS.has(name)) {
      const text = textOf(node).replace(EDGE_BLANKS, '')
      if (text !== '') out.push({ kind: 'heading', level: headingLevel(name), text })
      continue
    }
    if (name === 'table') {
      const grid = tableGrid(node)
      if (grid) out.push({ kind: 'table', grid })
      continue
    }
    if (LISTS.has(name)) {
      out.flush()
      walkList(node, name === 'ol', out, style, depth)
      continue
    }
    const inline = !BLOCK_LIKE.has(name)
    if (!inline) out.flush()
    walk(node.children ?? [], out, styleFor(name, node, style), depth)
    if (!inline) out.flush()
  }
}

const BLOCK_LIKE = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'center',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'address',
  'figure',
  'figcaption',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'form',
  'fieldset',
  'hr',
  'body',
  'html',
])

function walkList(list: DomNode, ordered: boolean, out: BlockWriter, style: Style, depth: number): void {
  let n = 0
  for (const child of list.children ?? []) {
    if (child.type !== 'tag') {
      walk([child], out, style, depth)
      continue
    }
    const name = (child.name ?? '').toLowerCase()
    if (name !== 'li') {
      walk([child], out, style, depth + 1)
      continue
    }
    n++
    out.startListItem({ marker: ordered ? `${n}.` : '•', depth })
    for (const part of child.children ?? []) {
      const partName = part.type === 'tag' ? (part.name ?? '').toLowerCase() : ''
      if (LISTS.has(partName)) {
        out.flush()
        walkList(part, partName === 'ol', out, style, depth + 1)
      } else {
        walk([part], out, style, depth)
      }
    }
    out.flush()
  }
}

/** Reads sanitised body HTML into blocks. Never throws on malformed markup; unknown elements keep their text. */
export function bodyBlocks(html: string): BodyBlock[] {
  const $ = load(html)
  const out = new BlockWriter()
  walk([$.root()[0] as unknown as DomNode], out, {}, 0)
  out.flush()
  return out.blocks
}
