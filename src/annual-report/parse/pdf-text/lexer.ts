// PDF syntax (ISO 32000-1 §7.2–7.3) read straight from the bytes: numbers, strings, names, arrays, dictionaries,
// references and keywords. Shared by the object reader (pdf-file.ts) and the content stream reader.

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A keyword: an operator in a content stream, `obj`/`stream`/`R` in the file body. */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

/** A stream object: its dictionary and where its raw bytes are in the file. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly start: number,
    readonly end: number,
  ) {}
}

export type PdfDict = Map<string, PdfValue>
/** Strings are kept as byte strings (one char per byte, latin1). */
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfStream | PdfDict | PdfValue[]

/** The reader cannot read this file (an unsupported feature); the caller falls back to pdfjs. */
export class UnsupportedPdf extends Error {}

/** Operators repeat thousands of times per page: one object per keyword. */
const KEYWORDS = new Map<string, PdfKeyword>()

const ARRAY_END = Symbol('array end')
const DICT_END = Symbol('dict end')
type Token = PdfValue | PdfKeyword | typeof ARRAY_END | typeof DICT_END

// Byte classes: 1 whitespace, 2 delimiter, 0 regular.
const CLASS = new Uint8Array(256)
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2

const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 }

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

export class Lexer {
  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
    readonly end = buf.length,
  ) {}

  skipSpace(): void {
    const { buf, end } = this
    let pos = this.pos
    while (pos < end) {
      const c = buf[pos] ?? 0
      if (c === 37) {
        while (pos < end && buf[pos] !== 10 && buf[pos] !== 13) pos++
      } else if (CLASS[c] === 1) {
        pos++
      } else {
        break
      }
    }
    this.pos = pos
  }

  /** The next token, or undefined at the end. */
  token(): Token | undefined {
    this.skipSpace()
    const { buf, end } = this
    if (this.pos >= end) return undefined
    const c = buf[this.pos] ?? 0
    switch (c) {
      case 40: // (
        return this.literalString()
      case 47: // /
        return this.name()
      case 91: // [
        this.pos++
        return this.arrayRest()
      case 93: // ]
        this.pos++
        return ARRAY_END
      case 60: // <
        if (buf[this.pos + 1] === 60) {
          this.pos += 2
          return this.dictRest()
        }
        return this.hexString()
      case 62: // >
        this.pos += buf[this.pos + 1] === 62 ? 2 : 1
        return DICT_END
      case 123: // { }
      case 125:
        this.pos++
        return new PdfKeyword(String.fromCharCode(c))
      case 41: // a stray ): read as an empty keyword, which no one uses
        this.pos++
        return new PdfKeyword(')')
    }
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return this.number()
    const start = this.pos
    while (this.pos < end && CLASS[buf[this.pos] ?? 0] === 0) this.pos++
    const word = latin1(buf, start, this.pos)
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    let keyword = KEYWORDS.get(word)
    if (!keyword) {
      keyword = new PdfKeyword(word)
      if (KEYWORDS.size < 512) KEYWORDS.set(word, keyword)
    }
    return keyword
  }

  /** A whole value (arrays and dictionaries read to their end), or a keyword. */
  value(): PdfValue | PdfKeyword | undefined {
    let token = this.token()
    while (token === ARRAY_END || token === DICT_END) token = this.token()
    return token
  }

  private number(): number {
    const { buf, end } = this
    let pos = this.pos
    let sign = 1
    if (buf[pos] === 45) {
      sign = -1
      pos++
    } else if (buf[pos] === 43) {
      pos++
    }
    let n = 0
    let c = buf[pos] ?? 0
    while (pos < end && c >= 48 && c <= 57) {
      n = n * 10 + c - 48
      c = buf[++pos] ?? 0
    }
    if (c === 46) {
      // (integer · 10^k + fraction) / 10^k: one correctly rounded division, so 595.275591 reads exactly as
      // Number('595.275591') (and pdfjs) reads it.
      let fraction = 0
      let scale = 1
      c = buf[++pos] ?? 0
      while (pos < end && c >= 48 && c <= 57) {
        if (scale < 1e15) {
          fraction = fraction * 10 + c - 48
          scale *= 10
        }
        c = buf[++pos] ?? 0
      }
      const scaled = n * scale + fraction
      n = Number.isSafeInteger(scaled) ? scaled / scale : n + fraction / scale
    }
    // A malformed number such as "1-2" or "--5": skip the rest of the run, as readers do.
    for (c = buf[pos] ?? 0; pos < end && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46);) {
      c = buf[++pos] ?? 0
    }
    this.pos = pos
    return sign * n
  }

  private name(): PdfName {
    const { buf, end } = this
    let pos = this.pos + 1
    let text = ''
    let runStart = pos
    while (pos < end && CLASS[buf[pos] ?? 0] === 0) {
      if (buf[pos] === 35) {
        const hi = hexValue(buf[pos + 1] ?? 0)
        const lo = hexValue(buf[pos + 2] ?? 0)
        if (hi >= 0 && lo >= 0) {
          text += latin1(buf, runStart, pos) + String.fromCharCode(hi * 16 + lo)
          pos += 3
          runStart = pos
          continue
        }
      }
      pos++
    }
    this.pos = pos
    return new PdfName(text + latin1(buf, runStart, pos))
  }

  private literalString(): string {
    const { buf, end } = this
    let pos = this.pos + 1
    let depth = 1
    const out: number[] = []
    while (pos < end) {
      let c = buf[pos++] ?? 0
      if (c === 40) {
        depth++
      } else if (c === 41) {
        if (--depth === 0) break
      } else if (c === 92) {
        c = buf[pos++] ?? 0
        const escaped = ESCAPES[c]
        if (escaped !== undefined) {
          c = escaped
        } else if (c >= 48 && c <= 55) {
          let n = c - 48
          for (let i = 0; i < 2 && (buf[pos] ?? 0) >= 48 && (buf[pos] ?? 0) <= 55; i++) {
            n = n * 8 + (buf[pos++] ?? 0) - 48
          }
          c = n & 0xff
        } else if (c === 13 || c === 10) {
          if (c === 13 && buf[pos] === 10) pos++
          continue
        }
      }
      out.push(c)
    }
    this.pos = pos
    return bytesToLatin1(out)
  }

  private hexString(): string {
    const { buf, end } = this
    let pos = this.pos + 1
    const out: number[] = []
    let high = -1
    while (pos < end && buf[pos] !== 62) {
      const v = hexValue(buf[pos++] ?? 0)
      if (v < 0) continue
      if (high < 0) {
        high = v
      } else {
        out.push(high * 16 + v)
        high = -1
      }
    }
    if (high >= 0) out.push(high * 16)
    this.pos = pos + 1
    return bytesToLatin1(out)
  }

  private arrayRest(): PdfValue[] {
    const items: PdfValue[] = []
    for (;;) {
      const token = this.token()
      if (token === undefined || token === ARRAY_END) return items
      if (token === DICT_END) continue
      if (token instanceof PdfKeyword) {
        if (token.word === 'R') pushRef(items)
        continue
      }
      items.push(token)
    }
  }

  private dictRest(): PdfDict {
    const items: PdfValue[] = []
    for (;;) {
      const token = this.token()
      if (token === undefined || token === DICT_END) break
      if (token === ARRAY_END) continue
      if (token instanceof PdfKeyword) {
        if (token.word === 'R') pushRef(items)
        continue
      }
      items.push(token)
    }
    const dict: PdfDict = new Map()
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = items[i]
      if (key instanceof PdfName) {
        dict.set(key.name, items[i + 1] ?? null)
      } else {
        i-- // resynchronise on the next name
      }
    }
    return dict
  }
}

/** `n g R`: the two numbers before the keyword become a reference. */
function pushRef(items: PdfValue[]): void {
  const gen = items[items.length - 1]
  const num = items[items.length - 2]
  if (typeof num === 'number' && typeof gen === 'number') {
    items.length -= 2
    items.push(new PdfRef(num, gen))
  }
}

export function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = ''
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i] ?? 0)
  return s
}

function bytesToLatin1(bytes: number[]): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.slice(i, i + 4096))
  return s
}
