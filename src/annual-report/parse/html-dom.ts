// The few facts about a parsed HTML node that the HTML extractor needs, and a tree of them built straight from
// htmlparser2's events: no DOM library (cheerio/domhandler link every node to its parent and siblings, which
// cost more than the tokenizing itself on a report page).
import { Parser } from 'htmlparser2'

/** A node of the document tree: the root, an element (`tag`) or a piece of text. Comments are dropped. */
export interface DomNode {
  type: 'root' | 'tag' | 'text'
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

/**
 * Parses HTML into a tree of elements and text with the browser-like recovery of htmlparser2 (implied end
 * tags of p/td/tr, void elements, entities decoded). Adjacent text may come as several text nodes.
 */
export function parseHtmlTree(html: string): DomNode {
  const root: DomNode = { type: 'root', children: [] }
  const stack: DomNode[] = [root]
  let current = root
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const node: DomNode = { type: 'tag', name, attribs, children: [] }
        current.children?.push(node)
        stack.push(node)
        current = node
      },
      onclosetag() {
        if (stack.length > 1) stack.pop()
        current = stack[stack.length - 1] ?? root
      },
      ontext(data) {
        current.children?.push({ type: 'text', data })
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return root
}

/** Elements whose start and end break a line of text (block-level in CSS terms, plus `br`). */
export const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/** Elements that never hold report content. */
export const IGNORED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'head',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'map',
  'audio',
  'video',
])

/** Depth-first search for descendants by element name, not entering nested elements of `stopAt`. */
export function findAll(node: DomNode, name: string, stopAt?: string): DomNode[] {
  const found: DomNode[] = []
  const visit = (n: DomNode): void => {
    for (const child of n.children ?? []) {
      if (child.type !== 'tag') continue
      if (child.name === name) found.push(child)
      if (child.name === stopAt) continue
      visit(child)
    }
  }
  visit(node)
  return found
}
