// Attachment types are established from the bytes, never trusted from the name or the browser: a file is
// accepted only when its content is one of the allowed formats AND its extension names that same format,
// so an executable renamed to .pdf, or a PDF renamed to .docx, is refused.
import { inflateRawSync } from 'node:zlib'
import { DomainError } from '../shared/domain-error.ts'

/** A format attachments may have. */
export type AttachmentFormat = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif'

export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<AttachmentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
}

const EXTENSIONS: Readonly<Record<string, AttachmentFormat>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
}

/** Default size limit of one attachment: 50 MiB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** Read one entry of a ZIP archive by name (stored or deflated), or null when absent or unreadable. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes = 1024 * 1024): Buffer | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff)
  let eocd = -1
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null
    const method = buf.readUInt16LE(p + 10)
    const compressedSize = buf.readUInt32LE(p + 20)
    const size = buf.readUInt32LE(p + 24)
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const localOffset = buf.readUInt32LE(p + 42)
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLength)
    if (entryName === name) {
      if (size > maxBytes || localOffset + 30 > buf.length) return null
      if (buf.readUInt32LE(localOffset) !== 0x04034b50) return null
      const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28)
      const data = buf.subarray(start, start + compressedSize)
      if (data.length !== compressedSize) return null
      try {
        if (method === 0) return Buffer.from(data)
        if (method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes })
      } catch {
        return null
      }
      return null
    }
    p += 46 + nameLength + extraLength + commentLength
  }
  return null
}

// The main part's content type tells a Word document from a spreadsheet (ECMA-376 Part 2, [Content_Types].xml).
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml'
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'

function officeFormat(bytes: Uint8Array): AttachmentFormat | null {
  const types = readZipEntry(bytes, '[Content_Types].xml')?.toString('utf8')
  if (types === undefined) return null
  // Macro-enabled documents (docm/xlsm) carry code: never accepted, even renamed.
  if (types.includes(DOCM_MAIN) || types.includes(XLSM_MAIN)) return null
  if (types.includes(DOCX_MAIN)) return 'docx'
  if (types.includes(XLSX_MAIN)) return 'xlsx'
  return null
}

/** The format the content has, judged by its magic bytes (and, for ZIP, its content types), or null. */
export function detectAttachmentFormat(bytes: Uint8Array): AttachmentFormat | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeFormat(bytes)
  return null
}

/** The format a file name's extension claims, or null. */
export function formatOfFileName(fileName: string): AttachmentFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase()
  return ext === undefined ? null : (EXTENSIONS[ext] ?? null)
}

/**
 * Check an upload: allowed format by content, extension naming the same format, size within the limit.
 * @returns the format. @throws DomainError('invalid_input') with a message for the editor.
 */
export function checkAttachment(args: {
  readonly fileName: string
  readonly bytes: Uint8Array
  readonly maxBytes?: number
}): AttachmentFormat {
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES
  const refuse = (message: string) => new DomainError('invalid_input', message, { file: message })
  if (args.bytes.length === 0) throw refuse('附件是空文件')
  if (args.bytes.length > maxBytes) {
    throw refuse(`附件超过大小限制（${Math.floor(maxBytes / 1024 / 1024)} MB）`)
  }
  const claimed = formatOfFileName(args.fileName)
  if (claimed === null) throw refuse('附件只能是 PDF、Word（.docx）、Excel（.xlsx）或 PNG、JPEG、GIF 图片')
  const actual = detectAttachmentFormat(args.bytes)
  if (actual === null) throw refuse('附件内容不是允许的文件类型')
  if (actual !== claimed) throw refuse('附件的扩展名与文件内容不符')
  return actual
}
