import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { renderItemDocx } from './docx.ts'
import { sampleItem } from './sample-item.ts'

async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, '')
}

describe('renderItemDocx', () => {
  it('holds the title, every metadata label and value, the body, the list, the table and the source', async () => {
    const item = sampleItem(40)
    const text = await docxText(await renderItemDocx(item))
    expect(text).toContain(item.title)
    for (const m of item.metadata) expect(text).toContain(`${m.label}${m.value}`)
    expect(text).toContain('各乡镇人民政府、街道办事处')
    // The last of 40 paragraphs, far past the first page.
    expect(text).toContain('（40）第40段')
    expect(text).toContain('1.完善政府信息公开目录')
    expect(text).toContain('•统一受理渠道')
    for (const cell of ['表1重点工作进度安排', '序号', '区政务公开办', '各部门自查整改', '2021年12月']) {
      expect(text).toContain(cell)
    }
    expect(text).toContain('来源：秦州区人民政府办公室')
    expect(text).toContain(item.url)
  })

  it('writes the title into the document properties and keeps a link as a hyperlink', async () => {
    const docx = await renderItemDocx(sampleItem(1))
    const html = (await mammoth.convertToHtml({ buffer: docx })).value
    expect(html).toContain('<a href="https://www.example.gov.cn/zwgk/">政府信息公开专栏</a>')
    expect(html).toContain('<table>')
  })

  it('renders an item with no metadata and an empty body', async () => {
    const text = await docxText(
      await renderItemDocx({ title: '空白', metadata: [], bodyHtml: '', agencyName: '某局' }),
    )
    expect(text).toContain('空白')
    expect(text).toContain('来源：某局')
  })
})
