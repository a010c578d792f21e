// The font facts text extraction needs, as pdfjs derives them: character codes (two bytes for Identity CMaps,
// one for simple fonts), Unicode from the ToUnicode CMap, advance widths (/W, /DW, /Widths) and vertical
// advances (/W2). Glyph programs are never read. Anything else (Type3, predefined CJK CMaps, simple fonts
// without a usable encoding) is unsupported and the caller falls back to pdfjs.
import { Lexer, PdfKeyword, PdfName, UnsupportedPdf, type PdfDict, type PdfValue } from './lexer.ts'
import type { PdfFile } from './pdf-file.ts'

export interface Glyph {
  code: number
  unicode: string
  /** Horizontal advance in glyph units (1000 per em). */
  width: number
  /** Vertical advance w1y from /W2, when the font has one for this glyph. */
  vy: number | undefined
}

export interface TextFont {
  vertical: boolean
  glyphs(chars: string): Glyph[]
}

export function loadFont(file: PdfFile, dict: PdfDict): TextFont {
  const subtype = nameOf(file.resolve(dict.get('Subtype')))
  if (subtype === 'Type0') return compositeFont(file, dict)
  if (subtype === 'TrueType' || subtype === 'Type1' || subtype === 'MMType1') return simpleFont(file, dict)
  throw new UnsupportedPdf(`font ${subtype}`)
}

function nameOf(value: PdfValue): string {
  return value instanceof PdfName ? value.name : ''
}

function compositeFont(file: PdfFile, dict: PdfDict): TextFont {
  const encoding = nameOf(file.resolve(dict.get('Encoding')))
  if (encoding !== 'Identity-H' && encoding !== 'Identity-V') throw new UnsupportedPdf(`cmap ${encoding}`)
  const vertical = encoding === 'Identity-V'
  const descendant = file.dict(file.array(dict.get('DescendantFonts'))?.[0])
  if (!descendant) throw new UnsupportedPdf('no descendant font')
  const toUnicode = readToUnicode(file, dict.get('ToUnicode'))
  if (!toUnicode) throw new UnsupportedPdf('composite font without ToUnicode')
  const dw = file.number(descendant.get('DW'))
  const defaultWidth = dw === null ? 1000 : Math.ceil(dw)
  const widths = readCidMetrics(file, descendant.get('W'), 1)
  const vys = vertical ? readCidMetrics(file, descendant.get('W2'), 3) : null
  const cache = new Map<number, Glyph>()
  return {
    vertical,
    glyphs(chars) {
      const glyphs: Glyph[] = []
      for (let i = 0; i + 1 < chars.length; i += 2) {
        const code = (chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1)
        let glyph = cache.get(code)
        if (!glyph) {
          const unicode = toUnicode.get(code) || String.fromCharCode(code)
          glyph = { code, unicode, width: widths.get(code) ?? defaultWidth, vy: vys?.get(code) }
          cache.set(code, glyph)
        }
        glyphs.push(glyph)
      }
      return glyphs
    },
  }
}

/** Looks a CID up in /W or /W2; a later entry wins over an earlier one, as in pdfjs. */
interface CidMetrics {
  get(cid: number): number | undefined
}

/** /W (entries of 1 number) or /W2 (entries of 3 numbers, of which w1y is kept). Ranges stay ranges. */
function readCidMetrics(file: PdfFile, value: PdfValue | undefined, size: 1 | 3): CidMetrics {
  const entries: { first: number; last: number; values: (number | null)[] | number }[] = []
  const arr = file.array(value) ?? []
  for (let i = 0; i < arr.length;) {
    const start = file.number(arr[i++])
    if (start === null || !Number.isInteger(start)) break
    const next = file.resolve(arr[i])
    if (Array.isArray(next)) {
      i++
      const values: (number | null)[] = []
      for (let j = 0; j + size - 1 < next.length; j += size) values.push(file.number(next[j]))
      entries.push({ first: start, last: start + values.length - 1, values })
    } else if (typeof next === 'number' && Number.isInteger(next)) {
      const v = file.number(arr[i + 1])
      i += 1 + size
      if (v !== null) entries.push({ first: start, last: next, values: v })
    } else {
      break
    }
  }
  return {
    get(cid) {
      for (let k = entries.length - 1; k >= 0; k--) {
        const e = entries[k]
        if (!e || cid < e.first || cid > e.last) continue
        const v = typeof e.values === 'number' ? e.values : e.values[cid - e.first]
        if (typeof v === 'number') return v
      }
      return undefined
    },
  }
}

function simpleFont(file: PdfFile, dict: PdfDict): TextFont {
  const toUnicode = readToUnicode(file, dict.get('ToUnicode'))
  const encoding = file.resolve(dict.get('Encoding'))
  const hasDifferences = encoding instanceof Map && encoding.has('Differences')
  const firstChar = file.number(dict.get('FirstChar')) ?? 0
  const widthList = file.array(dict.get('Widths'))
  if (!widthList) throw new UnsupportedPdf('simple font without /Widths')
  const descriptor = file.dict(dict.get('FontDescriptor'))
  const missingWidth = (descriptor && file.number(descriptor.get('MissingWidth'))) ?? 0
  const cache = new Map<number, Glyph>()
  return {
    vertical: false,
    glyphs(chars) {
      const glyphs: Glyph[] = []
      for (let i = 0; i < chars.length; i++) {
        const code = chars.charCodeAt(i)
        let glyph = cache.get(code)
        if (!glyph) {
          let unicode = toUnicode?.get(code)
          if (unicode === undefined) {
            // Printable ASCII is the same in the standard, WinAnsi and MacRoman encodings; anything else would
            // need glyph names, which pdfjs reads.
            if (hasDifferences || code < 0x20 || code > 0x7e || code === 0x27 || code === 0x60) {
              throw new UnsupportedPdf(`simple font code ${code}`)
            }
            unicode = String.fromCharCode(code)
          }
          const w = file.number(widthList[code - firstChar])
          glyph = { code, unicode, width: w ?? missingWidth, vy: undefined }
          cache.set(code, glyph)
        }
        glyphs.push(glyph)
      }
      return glyphs
    },
  }
}

/** A ToUnicode CMap: bfchar and bfrange entries, code → text (UTF-16BE decoded). */
function readToUnicode(file: PdfFile, value: PdfValue | undefined): Map<number, string> | null {
  const bytes = value === undefined ? null : file.streamBytes(value)
  if (!bytes) return null
  const map = new Map<number, string>()
  const lexer = new Lexer(bytes)
  const operands: PdfValue[] = []
  let mode: 'char' | 'range' | null = null
  for (let token = lexer.value(); token !== undefined; token = lexer.value()) {
    if (token instanceof PdfKeyword) {
      if (token.word === 'beginbfchar') mode = 'char'
      else if (token.word === 'beginbfrange') mode = 'range'
      else if (token.word === 'endbfchar' || token.word === 'endbfrange') mode = null
      else if (token.word === 'usecmap') throw new UnsupportedPdf('usecmap')
      operands.length = 0
      continue
    }
    if (mode === null) continue
    operands.push(token)
    if (mode === 'char' && operands.length === 2) {
      const [src, dst] = operands
      if (typeof src === 'string') map.set(codeOf(src), typeof dst === 'string' ? utf16be(dst) : '')
      operands.length = 0
    } else if (mode === 'range' && operands.length === 3) {
      const [lo, hi, dst] = operands
      operands.length = 0
      if (typeof lo !== 'string' || typeof hi !== 'string') continue
      const low = codeOf(lo)
      const high = Math.min(codeOf(hi), low + 0xffff)
      if (Array.isArray(dst)) {
        for (let code = low, j = 0; code <= high && j < dst.length; code++, j++) {
          const d = dst[j]
          if (typeof d === 'string') map.set(code, utf16be(d))
        }
      } else if (typeof dst === 'string' && dst.length > 0) {
        // The last byte counts up across the range (with carry into the byte before it).
        const prefix = dst.slice(0, -2)
        const last =
          dst.length >= 2
            ? (dst.charCodeAt(dst.length - 2) << 8) | dst.charCodeAt(dst.length - 1)
            : dst.charCodeAt(0)
        const head = dst.length >= 2 ? utf16be(prefix) : ''
        for (let code = low; code <= high; code++) {
          map.set(code, head + String.fromCharCode((last + code - low) & 0xffff))
        }
      }
    }
  }
  return map
}

function codeOf(bytes: string): number {
  let code = 0
  for (let i = 0; i < bytes.length; i++) code = code * 256 + bytes.charCodeAt(i)
  return code
}

function utf16be(bytes: string): string {
  if (bytes.length % 2 === 1) bytes = `\0${bytes}`
  let s = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1))
  }
  return s
}
