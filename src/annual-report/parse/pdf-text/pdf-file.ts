// The body of a PDF file: objects found by their `n g obj` headers (robust to a broken cross-reference table),
// object streams, stream decoding (Flate only) and the page tree with inherited attributes.
import { inflateSync, constants } from 'node:zlib'
import {
  Lexer,
  PdfKeyword,
  PdfName,
  PdfRef,
  PdfStream,
  UnsupportedPdf,
  type PdfDict,
  type PdfValue,
} from './lexer.ts'

export interface PdfPageInfo {
  /** Visible area [x0, y0, x1, y1]: the crop box within the media box, as pdfjs's `page.view`. */
  view: [number, number, number, number]
  resources: PdfDict
  /** The page's content streams, decoded and joined. */
  contents: Uint8Array
}

const OBJ_HEADER = /(\d+)\s+(\d+)\s+obj\b/g
const MAX_DEPTH = 64

export class PdfFile {
  private readonly text: string
  /** Object number → offset just after its `obj` keyword (the last definition in the file wins). */
  private readonly offsets = new Map<number, number>()
  private readonly cache = new Map<number, PdfValue>()
  private compressed: Map<number, { stream: number; index: number }> | null = null

  constructor(readonly buf: Uint8Array) {
    this.text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1')
    if (!this.text.startsWith('%PDF-') && this.text.indexOf('%PDF-') > 1024) {
      throw new UnsupportedPdf('no header')
    }
    for (const m of this.text.matchAll(OBJ_HEADER)) {
      const before = m.index > 0 ? this.text.charCodeAt(m.index - 1) : 10
      if (before > 32 && before !== 62) continue // "…12 0 obj" glued to other text: not a header
      this.offsets.set(Number(m[1]), m.index + m[0].length)
    }
    if (/\/Encrypt\b/.test(this.text)) throw new UnsupportedPdf('encrypted')
  }

  /** The value of an indirect object (null when it does not exist). */
  object(num: number): PdfValue {
    const cached = this.cache.get(num)
    if (cached !== undefined) return cached
    this.cache.set(num, null) // a reference cycle reads as null
    const value = this.readObject(num)
    this.cache.set(num, value)
    return value
  }

  /** Follows references (a bounded number of times). */
  resolve(value: PdfValue | undefined): PdfValue {
    for (let i = 0; value instanceof PdfRef && i < MAX_DEPTH; i++) value = this.object(value.num)
    return value ?? null
  }

  dict(value: PdfValue | undefined): PdfDict | null {
    const v = this.resolve(value)
    if (v instanceof Map) return v
    return v instanceof PdfStream ? v.dict : null
  }

  array(value: PdfValue | undefined): PdfValue[] | null {
    const v = this.resolve(value)
    return Array.isArray(v) ? v : null
  }

  number(value: PdfValue | undefined): number | null {
    const v = this.resolve(value)
    return typeof v === 'number' ? v : null
  }

  /** The decoded bytes of a stream. */
  streamBytes(value: PdfValue | undefined): Uint8Array | null {
    const stream = this.resolve(value)
    if (!(stream instanceof PdfStream)) return null
    const raw = this.buf.subarray(stream.start, stream.end)
    const filter = this.resolve(stream.dict.get('Filter'))
    const filters = (Array.isArray(filter) ? filter : filter === null ? [] : [filter]).map((f) =>
      f instanceof PdfName ? f.name : '',
    )
    let bytes: Uint8Array = raw
    for (const name of filters) {
      if (name !== 'FlateDecode' && name !== 'Fl') throw new UnsupportedPdf(`filter ${name}`)
      const parms = this.dict(stream.dict.get('DecodeParms'))
      if (parms && (this.number(parms.get('Predictor')) ?? 1) > 1) throw new UnsupportedPdf('predictor')
      bytes = inflate(bytes)
    }
    return bytes
  }

  /** Every page in document order. */
  pages(): PdfPageInfo[] {
    const root = this.dict(this.rootRef())
    if (!root) throw new UnsupportedPdf('no catalog')
    const pages: PdfPageInfo[] = []
    const seen = new Set<PdfDict>()
    const walk = (node: PdfDict, inherited: Inherited, depth: number): void => {
      if (seen.has(node) || depth > MAX_DEPTH) return
      seen.add(node)
      const attrs: Inherited = {
        resources: this.dict(node.get('Resources')) ?? inherited.resources,
        mediaBox: this.box(node.get('MediaBox')) ?? inherited.mediaBox,
        cropBox: this.box(node.get('CropBox')) ?? inherited.cropBox,
      }
      const kids = this.array(node.get('Kids'))
      const type = this.resolve(node.get('Type'))
      if (kids && !(type instanceof PdfName && type.name === 'Page')) {
        for (const kid of kids) {
          const child = this.dict(kid)
          if (child) walk(child, attrs, depth + 1)
        }
        return
      }
      pages.push({
        view: pageView(attrs.mediaBox, attrs.cropBox),
        resources: attrs.resources ?? new Map<string, PdfValue>(),
        contents: this.contents(node.get('Contents')),
      })
    }
    const tree = this.dict(root.get('Pages'))
    if (!tree) throw new UnsupportedPdf('no page tree')
    walk(tree, { resources: null, mediaBox: null, cropBox: null }, 0)
    return pages
  }

  private contents(value: PdfValue | undefined): Uint8Array {
    const v = this.resolve(value)
    const parts = (Array.isArray(v) ? v : [v]).map((part) => this.streamBytes(part) ?? new Uint8Array())
    if (parts.length === 1) return parts[0] ?? new Uint8Array()
    // Content split over several streams may break between any two tokens: join with a space.
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0)).fill(32)
    let at = 0
    for (const part of parts) {
      joined.set(part, at)
      at += part.length + 1
    }
    return joined
  }

  private box(value: PdfValue | undefined): number[] | null {
    const arr = this.array(value)
    if (!arr || arr.length !== 4) return null
    const n = arr.map((v) => this.number(v))
    if (n.some((x) => x === null)) return null
    const [x0, y0, x1, y1] = n as number[]
    return [
      Math.min(x0 ?? 0, x1 ?? 0),
      Math.min(y0 ?? 0, y1 ?? 0),
      Math.max(x0 ?? 0, x1 ?? 0),
      Math.max(y0 ?? 0, y1 ?? 0),
    ]
  }

  private rootRef(): PdfValue {
    const roots = [...this.text.matchAll(/\/Root\s+(\d+)\s+(\d+)\s+R/g)]
    const last = roots.at(-1)
    if (!last) throw new UnsupportedPdf('no /Root')
    return new PdfRef(Number(last[1]), Number(last[2]))
  }

  private readObject(num: number): PdfValue {
    const offset = this.offsets.get(num)
    if (offset !== undefined) return this.readAt(offset)
    const entry = this.compressedIndex().get(num)
    return entry ? this.readCompressed(entry.stream, entry.index) : null
  }

  private readAt(offset: number): PdfValue {
    const lexer = new Lexer(this.buf, offset)
    const value = lexer.value()
    if (value instanceof PdfKeyword || value === undefined) return null
    if (!(value instanceof Map)) {
      // "n g R" at the top level of an object
      const next = new Lexer(this.buf, lexer.pos)
      const gen = next.value()
      const r = next.value()
      if (typeof value === 'number' && typeof gen === 'number' && r instanceof PdfKeyword && r.word === 'R') {
        return new PdfRef(value, gen)
      }
      return value
    }
    const save = lexer.pos
    const keyword = lexer.value()
    if (!(keyword instanceof PdfKeyword) || keyword.word !== 'stream') {
      lexer.pos = save
      return value
    }
    let start = lexer.pos
    if (this.buf[start] === 13) start++
    if (this.buf[start] === 10) start++
    return new PdfStream(value, start, this.streamEnd(value, start))
  }

  private streamEnd(dict: PdfDict, start: number): number {
    const length = this.number(dict.get('Length'))
    if (length !== null && length >= 0 && start + length <= this.buf.length) {
      const after = this.text.slice(start + length, start + length + 32)
      if (/^\s*endstream/.test(after)) return start + length
    }
    // A wrong /Length: the data runs to the end-of-line before `endstream`.
    let end = this.text.indexOf('endstream', start)
    if (end < 0) end = this.buf.length
    if (this.buf[end - 1] === 10) end--
    if (this.buf[end - 1] === 13) end--
    return end
  }

  private compressedIndex(): Map<number, { stream: number; index: number }> {
    if (this.compressed) return this.compressed
    const index = new Map<number, { stream: number; index: number }>()
    this.compressed = index
    for (const streamNum of this.offsets.keys()) {
      const header = this.text.slice(this.offsets.get(streamNum), (this.offsets.get(streamNum) ?? 0) + 200)
      if (!header.includes('ObjStm')) continue
      const stream = this.object(streamNum)
      if (!(stream instanceof PdfStream)) continue
      const n = this.number(stream.dict.get('N')) ?? 0
      const lexer = new Lexer(this.streamBytes(stream) ?? new Uint8Array())
      for (let i = 0; i < n; i++) {
        const objNum = lexer.value()
        lexer.value()
        if (typeof objNum === 'number' && !this.offsets.has(objNum)) {
          index.set(objNum, { stream: streamNum, index: i })
        }
      }
    }
    return index
  }

  private readCompressed(streamNum: number, index: number): PdfValue {
    const stream = this.object(streamNum)
    if (!(stream instanceof PdfStream)) return null
    const bytes = this.streamBytes(stream) ?? new Uint8Array()
    const first = this.number(stream.dict.get('First')) ?? 0
    const lexer = new Lexer(bytes)
    let offset = 0
    for (let i = 0; i <= index; i++) {
      lexer.value()
      const o = lexer.value()
      offset = typeof o === 'number' ? o : 0
    }
    const value = new Lexer(bytes, first + offset).value()
    return value instanceof PdfKeyword || value === undefined ? null : value
  }
}

interface Inherited {
  resources: PdfDict | null
  mediaBox: number[] | null
  cropBox: number[] | null
}

function pageView(mediaBox: number[] | null, cropBox: number[] | null): [number, number, number, number] {
  const [mx0 = 0, my0 = 0, mx1 = 612, my1 = 792] = mediaBox ?? []
  if (cropBox) {
    const [cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0] = cropBox
    const box: [number, number, number, number] = [
      Math.max(mx0, cx0),
      Math.max(my0, cy0),
      Math.min(mx1, cx1),
      Math.min(my1, cy1),
    ]
    if (box[2] - box[0] > 0 && box[3] - box[1] > 0) return box
  }
  return [mx0, my0, mx1, my1]
}

function inflate(bytes: Uint8Array): Uint8Array {
  try {
    return inflateSync(bytes)
  } catch {
    // A truncated or slightly damaged stream: keep what inflates.
    return inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH })
  }
}
