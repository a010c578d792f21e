import { crc32, deflateRawSync } from 'node:zlib'
import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../shared/domain-error.ts'
import { checkAttachment, detectAttachmentFormat } from './attachment-type.ts'

/** A ZIP archive of the given entries (deflated), enough for the OOXML checks. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text)
    const packed = deflateRawSync(data)
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/main.xml" ContentType="${main}"/></Types>`

const XLSX = zip({
  '[Content_Types].xml': contentTypes(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  ),
  'xl/workbook.xml': '<workbook/>',
})
const XLSM = zip({
  '[Content_Types].xml': contentTypes('application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
})
const PLAIN_ZIP = zip({ 'readme.txt': 'hello' })
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')
const HTML = Buffer.from('<html><script>alert(1)</script></html>')
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')

async function docxBytes(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('政府信息公开')] }] }))
}

describe('detectAttachmentFormat', () => {
  it('recognises PDF, PNG, JPEG, GIF by magic bytes and DOCX/XLSX by their main content type', async () => {
    expect(detectAttachmentFormat(PDF)).toBe('pdf')
    expect(detectAttachmentFormat(PNG)).toBe('png')
    expect(detectAttachmentFormat(JPEG)).toBe('jpeg')
    expect(detectAttachmentFormat(GIF)).toBe('gif')
    expect(detectAttachmentFormat(await docxBytes())).toBe('docx')
    expect(detectAttachmentFormat(XLSX)).toBe('xlsx')
  })

  it('knows nothing else: executables, HTML, SVG, plain ZIP, macro-enabled workbooks, truncated archives', () => {
    for (const bytes of [
      EXE,
      HTML,
      SVG,
      PLAIN_ZIP,
      XLSM,
      XLSX.subarray(0, XLSX.length - 30),
      Buffer.alloc(0),
    ]) {
      expect(detectAttachmentFormat(bytes)).toBeNull()
    }
  })
})

describe('checkAttachment', () => {
  it('accepts a file whose content matches its extension', async () => {
    expect(checkAttachment({ fileName: '通知.PDF', bytes: PDF })).toBe('pdf')
    expect(checkAttachment({ fileName: '附件1.docx', bytes: await docxBytes() })).toBe('docx')
    expect(checkAttachment({ fileName: '预算表.xlsx', bytes: XLSX })).toBe('xlsx')
    expect(checkAttachment({ fileName: '照片.jpg', bytes: JPEG })).toBe('jpeg')
  })

  it.each([
    ['an executable renamed to .pdf', '通知.pdf', EXE, '不是允许的文件类型'],
    ['an HTML page renamed to .png', 'a.png', HTML, '不是允许的文件类型'],
    ['an HTML page renamed to .pdf', '公告.pdf', HTML, '不是允许的文件类型'],
    ['an executable renamed to .docx', '附件.docx', EXE, '不是允许的文件类型'],
    ['an SVG renamed to .gif', 'a.gif', SVG, '不是允许的文件类型'],
    ['a macro workbook renamed to .xlsx', 'a.xlsx', XLSM, '不是允许的文件类型'],
    ['a PDF renamed to .docx', 'a.docx', PDF, '扩展名与文件内容不符'],
    ['a spreadsheet renamed to .docx', 'a.docx', XLSX, '扩展名与文件内容不符'],
    ['an allowed content with a forbidden extension', 'a.exe', PDF, '只能是'],
    ['a file without extension', 'README', PDF, '只能是'],
  ])('refuses %s', (_what, fileName, bytes, message) => {
    expect(() => checkAttachment({ fileName, bytes })).toThrow(DomainError)
    expect(() => checkAttachment({ fileName, bytes })).toThrow(message)
  })

  it('refuses empty files and files over the size limit', () => {
    expect(() => checkAttachment({ fileName: 'a.pdf', bytes: Buffer.alloc(0) })).toThrow('空文件')
    expect(() => checkAttachment({ fileName: 'a.pdf', bytes: PDF, maxBytes: PDF.length - 1 })).toThrow(
      '大小限制',
    )
    expect(checkAttachment({ fileName: 'a.pdf', bytes: PDF, maxBytes: PDF.length })).toBe('pdf')
  })
})
