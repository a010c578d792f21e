// The safe subset an imported body is reduced to (the same one item bodies use): no scripts, styles, event
// handlers, images or foreign ids; links only to absolute http(s) and mailto addresses.
import sanitizeHtml from 'sanitize-html'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'u',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = attribs.href?.trim() ?? ''
      // Relative links pointed into the other site; the text stays, the link goes.
      const kept: Record<string, string> = /^(https?:\/\/|mailto:)/i.test(href) ? { href } : {}
      return { tagName, attribs: kept }
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'p' && frame.text.trim() === '' && !frame.mediaChildren.length,
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'head',
    'iframe',
    'object',
    'svg',
  ],
}

/** Sanitises body HTML to the safe subset. */
export function sanitizeBody(html: string): string {
  // Blank lines left where chrome and wrappers were are insignificant between blocks.
  // Ideographic spaces typed to indent paragraphs by hand are dropped: the portal and the downloads indent.
  return sanitizeHtml(html, OPTIONS)
    .replace(/\n\s*\n+/g, '\n')
    .replace(/(<(?:p|li|td|th|h[2-4])(?:\s[^>]*)?>)(?:[\s\u3000]|&nbsp;)+/g, '$1')
    .trim()
}
