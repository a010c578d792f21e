// Reading an import file record by record with the byte offset after each record, so a checkpoint can name
// exactly where the next run starts. JSONL: one JSON object per line. CSV (RFC 4180): a header line, then
// records whose quoted cells may span lines. UTF-8 with or without BOM; GB 18030/GBK is detected when the start
// of the file is not valid UTF-8 (newline bytes never occur inside a GBK character, so lines split the same).
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'

export type FileFormat = 'jsonl' | 'csv'
export type FileEncoding = 'utf-8' | 'gb18030'

/** One input record: its first line number, the offset just after it, and its fields or why it is unreadable. */
export interface InputRecord {
  readonly line: number
  readonly endOffset: number
  readonly fields: Readonly<Record<string, unknown>> | null
  readonly error: string | null
  readonly raw: string
}

const CHUNK = 1 << 20
const BOM = [0xef, 0xbb, 0xbf]

export function formatOf(file: string): FileFormat | null {
  if (/\.jsonl$/i.test(file)) return 'jsonl'
  if (/\.csv$/i.test(file)) return 'csv'
  return null
}

/** sha256 of the file (hex). */
export function hashFile(file: string): string {
  const hash = createHash('sha256')
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.allocUnsafe(CHUNK * 4)
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** UTF-8 unless the first 64 KiB (cut at its last newline) is not valid UTF-8; then GB 18030 (a GBK superset). */
export function detectEncoding(head: Buffer): FileEncoding {
  const cut = head.lastIndexOf(0x0a)
  const sample = cut >= 0 ? head.subarray(0, cut) : head
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** Lines of the file from `start` (bytes), each with the offset just after its newline. */
function* lines(fd: number, start: number): Generator<{ bytes: Buffer; end: number }> {
  let carry = Buffer.alloc(0)
  let position = start
  const buf = Buffer.allocUnsafe(CHUNK)
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, position)
    if (n === 0) break
    const data = carry.length === 0 ? buf.subarray(0, n) : Buffer.concat([carry, buf.subarray(0, n)])
    const base = position - carry.length
    position += n
    let from = 0
    for (let nl = data.indexOf(0x0a, from); nl >= 0; nl = data.indexOf(0x0a, from)) {
      yield { bytes: data.subarray(from, nl), end: base + nl + 1 }
      from = nl + 1
    }
    carry = Buffer.from(data.subarray(from))
  }
  if (carry.length > 0) yield { bytes: carry, end: position }
}

/** Split CSV text into cells; returns null while a quoted cell is still open (the record continues). */
export function splitCsv(text: string): string[] | null {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else cell += c
  }
  if (quoted) return null
  cells.push(cell)
  return cells
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s
}

/** What `openRecords` found about the file before reading records. */
export interface RecordSource {
  readonly encoding: FileEncoding
  readonly size: number
  readonly header: readonly string[] | null
  records(start: number, firstLine: number): Generator<InputRecord>
  close(): void
}

/**
 * Open `file` for reading records. `start` (a checkpoint offset, 0 for the beginning) must be a record
 * boundary; the CSV header is always read from the top.
 */
export function openRecords(file: string, format: FileFormat, size: number): RecordSource {
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(Math.min(size, 65536))
  readSync(fd, head, 0, head.length, 0)
  const bom = head.length >= 3 && BOM.every((b, i) => head[i] === b) ? 3 : 0
  const encoding = bom > 0 ? 'utf-8' : detectEncoding(head)
  const decoder = new TextDecoder(encoding)
  let header: string[] | null = null
  let dataStart = bom
  if (format === 'csv') {
    const first = lines(fd, bom).next()
    if (!first.done) {
      header = (splitCsv(stripCr(decoder.decode(first.value.bytes))) ?? []).map((h) => h.trim())
      dataStart = first.value.end
    }
  }
  function* records(start: number, firstLine: number): Generator<InputRecord> {
    let lineNo = firstLine
    let pending = ''
    let pendingLine = 0
    for (const { bytes, end } of lines(fd, Math.max(start, dataStart))) {
      const text = stripCr(decoder.decode(bytes))
      const thisLine = lineNo++
      if (format === 'jsonl') {
        if (text.trim() === '') continue
        let fields: Record<string, unknown> | null = null
        let error: string | null = null
        try {
          const value: unknown = JSON.parse(text)
          if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            fields = value as Record<string, unknown>
          } else error = '该行不是 JSON 对象'
        } catch {
          error = '该行不是有效的 JSON'
        }
        yield { line: thisLine, endOffset: end, fields, error, raw: text }
        continue
      }
      if (pending === '') {
        if (text.trim() === '') continue
        pendingLine = thisLine
      }
      pending = pending === '' ? text : `${pending}\n${text}`
      const cells = splitCsv(pending)
      if (cells === null) continue
      const raw = pending
      pending = ''
      const cols = header ?? []
      if (cells.length !== cols.length) {
        yield {
          line: pendingLine,
          endOffset: end,
          fields: null,
          error: `列数为 ${cells.length}，与表头的 ${cols.length} 列不一致`,
          raw,
        }
        continue
      }
      const fields: Record<string, unknown> = {}
      cols.forEach((name, i) => {
        const value = cells[i] ?? ''
        if (value !== '') fields[name] = value
      })
      yield { line: pendingLine, endOffset: end, fields, error: null, raw }
    }
    if (pending !== '') {
      yield {
        line: pendingLine,
        endOffset: size,
        fields: null,
        error: '引号未闭合，记录不完整',
        raw: pending,
      }
    }
  }
  return { encoding, size, header, records, close: () => closeSync(fd) }
}
