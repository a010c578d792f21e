// Rich-text bodies: editors paste HTML from Word and other sites; only a safe subset is kept. No script,
// style, event handler, SVG/MathML, form, frame or embedded object survives; links keep only http(s),
// mailto and tel URLs, images only http(s) or site-relative ones. The plain-text copy feeds search and
// summaries.
import { createRequire } from 'node:module'
import { Parser } from 'htmlparser2'
import type SanitizeHtml from 'sanitize-html'
import type { IOptions } from 'sanitize-html'

// sanitize-html (~10 MB resident) is loaded on the first edit, not at server start: the public portal and
// most console pages never need it.
const require = createRequire(import.meta.url)
let sanitizer: typeof SanitizeHtml | undefined

const OPTIONS: IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'pre',
    'code',
    'hr',
    'ul',
    'ol',
    'li',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'figure',
    'figcaption',
    'div',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
    col: ['span'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Drop disallowed elements with their content where the content is code (script, style …); for other
  // disallowed tags (svg, font, o:p from Word) keep the text.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'xml'],
  transformTags: {
    // Outside links open with no access to this page (reverse tabnabbing) and pass no referrer.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
}

/** The safe subset of `html` (idempotent: sanitising the result again changes nothing). */
export function sanitizeBodyHtml(html: string): string {
  sanitizer ??= require('sanitize-html') as typeof SanitizeHtml
  return sanitizer(html, OPTIONS).trim()
}

const BLOCK_END =
  /<(?:br\s*\/?|\/p|\/h[2-6]|\/li|\/tr|\/div|\/blockquote|\/pre|\/table|\/caption|hr\s*\/?)>/gi

/**
 * Plain text of a (sanitised) body: one line per block, cells separated by spaces, entities decoded. The text
 * is taken from htmlparser2's events, without building a document tree (a bulk import does this per row).
 */
export function bodyPlainText(safeHtml: string): string {
  const withBreaks = safeHtml.replace(BLOCK_END, '$&\n').replace(/<\/t[dh]>/gi, '$& ')
  let text = ''
  const parser = new Parser({
    ontext: (chunk) => {
      text += chunk
    },
  })
  parser.end(withBreaks)
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
}
