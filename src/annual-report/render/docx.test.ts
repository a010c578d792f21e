import mammoth from 'mammoth'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../formats/index.ts'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { renderDocx } from './docx.ts'

/** One file out of a ZIP archive, found through the central directory (enough for a .docx). */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let offset = zip.readUInt32LE(eocd + 16)
  const entries = zip.readUInt16LE(eocd + 10)
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(offset + 10)
    const compressed = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extra = zip.readUInt16LE(offset + 30)
    const comment = zip.readUInt16LE(offset + 32)
    const local = zip.readUInt32LE(offset + 42)
    if (zip.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + compressed)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    offset += 46 + nameLength + extra + comment
  }
  throw new Error(`${name} not in archive`)
}

describe('renderDocx', () => {
  it('writes real Word tables with horizontal (gridSpan) and vertical (vMerge) merges', async () => {
    const xml = readZipEntry(await renderDocx(buildConsistentReport('gov2021', 1)), 'word/document.xml')
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3)
    expect(xml).toContain('<w:gridSpan w:val="7"/>')
    expect(xml).toContain('<w:gridSpan w:val="10"/>')
    expect(xml).toContain('<w:vMerge w:val="restart"/>')
    // 三、本年度办理结果 restarts once and continues over the other 21 outcome rows (and the header merges).
    expect((xml.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length).toBeGreaterThan(21)
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toContain('<w:cantSplit/>')
  })

  it('sets the page as GB/T 9704: A4, top margin 37 mm and left margin 28 mm, page numbers in the footer', async () => {
    const docx = await renderDocx(buildConsistentReport('gov2019', 2))
    const xml = readZipEntry(docx, 'word/document.xml')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(readZipEntry(docx, 'word/footer1.xml')).toContain('PAGE')
  })

  it('names the 公文 fonts with a substitute and a Chinese character set for readers without them', async () => {
    const fonts = readZipEntry(await renderDocx(buildConsistentReport('gov2021', 4)), 'word/fontTable.xml')
    expect(fonts).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/>',
    )
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
  })

  it('holds every label and value, readable as text by mammoth', async () => {
    const report = buildConsistentReport('gov2021', 3)
    const { value } = await mammoth.extractRawText({ buffer: await renderDocx(report) })
    const format = FORMATS.gov2021
    for (const row of format.t3.rows) expect(value).toContain(row.label)
    for (const block of format.t2.blocks) expect(value).toContain(block.caption)
    expect(value).toContain(format.t3.cornerNote)
    expect(value).toContain(`${report.title ?? ''}`)
    expect(value).toContain(`\n${report.cells['t3.new_received.total']}\n`)
    for (const s of format.sections) expect(value).toContain(`${s.number}、${s.label}`)
  })
})
