/**
 * Text normalisation for label matching and cell values. Published reports mix full- and half-width
 * punctuation, put spaces inside labels (`规 章`), use curly or straight quotes and `，` or `、`, and OCR adds
 * look-alike characters. Labels are compared by a key that drops all of that; values are read by a small
 * hand-written scanner (no backtracking regex, so a hostile input cannot make it slow).
 */

// OCR look-alikes met in labels (己/巳 for 已); only applied to label keys, never to values or prose.
const LOOK_ALIKES = /[己巳]/g

const STRIP = /[\s\p{P}\p{S}]/gu
// Labels are the template's words, the same in every report: keys are cached across parses. The cache is
// dropped when it grows past this, so arbitrary input cannot make it grow without bound.
const CACHE_LIMIT = 20_000
const keyCache = new Map<string, string>()
const markerCache = new Map<string, LabelMarker>()

function cached<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
  const hit = cache.get(text)
  if (hit !== undefined) return hit
  if (cache.size >= CACHE_LIMIT) cache.clear()
  const value = compute(text)
  cache.set(text, value)
  return value
}

/** Full-width letters, digits and punctuation to half-width (NFKC), and non-breaking spaces to spaces. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC')
}

/** The comparison key of a label: half-width, no spaces, no punctuation or symbols, look-alikes mapped. */
export function labelKey(text: string): string {
  return cached(keyCache, text, computeLabelKey)
}

function computeLabelKey(text: string): string {
  return toHalfWidth(text).replace(STRIP, '').replace(LOOK_ALIKES, '已')
}

/** The ordinal a label starts with: `一、` → top, `（一）` → paren, `1.` → digit. */
export interface LabelMarker {
  kind: 'top' | 'paren' | 'digit' | null
  ordinal: string
  /** Label key of the text after the marker. */
  body: string
}

const CHINESE_ORDINALS = '一二三四五六七八九十'

/** Split a label into its leading ordinal and the key of the rest (e.g. `（三）不予公开` → paren 三, 不予公开). */
export function splitMarker(text: string): LabelMarker {
  return cached(markerCache, text, computeMarker)
}

function computeMarker(text: string): LabelMarker {
  const s = toHalfWidth(text).trim()
  let i = 0
  const first = s[0] ?? ''
  if (first === '(' || first === '[') {
    i = 1
    while (s[i] === ' ') i++
    const start = i
    while (i < s.length && (CHINESE_ORDINALS.includes(s[i] ?? '') || isDigit(s[i]))) i++
    const ordinal = s.slice(start, i)
    while (s[i] === ' ') i++
    if (ordinal && (s[i] === ')' || s[i] === ']')) {
      return { kind: 'paren', ordinal, body: labelKey(s.slice(i + 1)) }
    }
    return { kind: null, ordinal: '', body: labelKey(s) }
  }
  const start = 0
  while (i < s.length && CHINESE_ORDINALS.includes(s[i] ?? '')) i++
  if (i > start && i <= 2 && isOrdinalSeparator(s[i])) {
    return { kind: 'top', ordinal: s.slice(start, i), body: labelKey(s.slice(i + 1)) }
  }
  i = 0
  while (i < s.length && isDigit(s[i])) i++
  // `1.属于国家秘密`, `1、…`, and `1属于…` where a PDF lost the dot (a digit followed directly by a CJK char).
  if (i > 0 && i <= 2) {
    const next = s[i] ?? ''
    if (isOrdinalSeparator(next)) {
      return { kind: 'digit', ordinal: s.slice(0, i), body: labelKey(s.slice(i + 1)) }
    }
    if (next === ' ' || isCjk(next)) {
      return { kind: 'digit', ordinal: s.slice(0, i), body: labelKey(s.slice(i)) }
    }
  }
  return { kind: null, ordinal: '', body: labelKey(s) }
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function isOrdinalSeparator(ch: string | undefined): boolean {
  return ch === '、' || ch === '.' || ch === ',' || ch === '，' || ch === '､'
}

function isCjk(ch: string): boolean {
  return ch >= '\u4e00' && ch <= '\u9fff'
}

/** What a table cell holds: a number (with the unit written in the cell, if any) or an explicit blank. */
export type CellValue = { kind: 'number'; value: number; unit?: string } | { kind: 'blank' }

// Units written in a cell. 万元 before 元 so the longer one wins.
const UNITS = ['万元', '元', '件', '条', '项', '个']

/**
 * Read a cell value, or null when the text is not a value (a label or prose).
 * Accepted: `0`, `1,234`, `+4` / `-8` (本年增/减), `4068.208`, `12.5万元`. A dash (`-`, `—`, `/`), `无` or an
 * empty cell is a blank, not 0: the report printed nothing there, and P-ZERO-BLANK must see the difference.
 */
export function parseCellValue(raw: string): CellValue | null {
  if (isPlainCount(raw)) return { kind: 'number', value: Number(raw) }
  if (hasWordCharacter(raw)) return null
  const s = toHalfWidth(raw).replace(/\s+/g, '')
  if (s === '' || s === '无' || isDashes(s)) return { kind: 'blank' }
  if (s.length > 24) return null
  let unit: string | undefined
  let body = s
  for (const u of UNITS) {
    if (body.endsWith(u) && body.length > u.length) {
      unit = u
      body = body.slice(0, -u.length)
      break
    }
  }
  const value = readNumber(body)
  if (value === null) return null
  // Only money units are kept: 件/条 are the obvious counting unit and carry no information.
  return unit === '万元' || unit === '元' ? { kind: 'number', value, unit } : { kind: 'number', value }
}

/** `0`, `26`, `517645`: the common case, read without normalising. */
function isPlainCount(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

// The only CJK ideographs a value may hold: 无 and the units.
const VALUE_IDEOGRAPHS = new Set('无万元件条项个')

/**
 * The text holds a CJK ideograph that no value has (a label such as `1.属于国家秘密`): not a value, known
 * without normalising. Exact: NFKC leaves U+4E00–U+9FFF unchanged, so such a text could never read as one.
 */
function hasWordCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x4e00 && c <= 0x9fff && !VALUE_IDEOGRAPHS.has(s[i] ?? '')) return true
  }
  return false
}

function isDashes(s: string): boolean {
  for (const ch of s) if (!'-—–_/\\~'.includes(ch)) return false
  return true
}

/** A signed decimal with optional thousands separators; null when anything else is in the string. */
function readNumber(s: string): number | null {
  let i = 0
  let sign = 1
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1
    i = 1
  }
  let digits = ''
  let seenDot = false
  let seenDigit = false
  let endsWithComma = false
  for (; i < s.length; i++) {
    const ch = s[i] ?? ''
    endsWithComma = ch === ','
    if (isDigit(ch)) {
      digits += ch
      seenDigit = true
    } else if (ch === ',' && seenDigit && !seenDot) {
      continue
    } else if (ch === '.' && seenDigit && !seenDot) {
      digits += '.'
      seenDot = true
    } else {
      return null
    }
  }
  if (!seenDigit || endsWithComma || digits.endsWith('.')) return null
  return sign * Number(digits)
}
