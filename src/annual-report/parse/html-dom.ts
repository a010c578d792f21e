// The few facts about a parsed HTML node that the HTML extractor needs, typed structurally so that the
// extractor does not depend on the DOM library behind cheerio (domhandler) directly.

/** A node of the document tree cheerio builds (element, text, comment, document…). */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
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
