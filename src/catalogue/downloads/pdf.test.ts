import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderItemPdf } from './pdf.ts'
import { sampleItem } from './sample-item.ts'

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
const needsPdftotext = hasPdftotext ? '' : ' [skipped: pdftotext (poppler-utils) is not installed]'

function extract(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gongkai-item-pdf-')), 'item.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
}

describe('renderItemPdf', () => {
  it('embeds a subset of the CJK font and names the title and agency in the document info', async () => {
    const pdf = await renderItemPdf(sampleItem())
    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/)
    expect(pdf.length).toBeLessThan(400_000)
    expect(raw).toContain('/Title')
  })

  it.skipIf(!hasPdftotext)(
    `has extractable title, metadata, body over several pages, list and table${needsPdftotext}`,
    async () => {
      const item = sampleItem(40)
      const pdf = await renderItemPdf(item)
      expect(pageCount(pdf)).toBeGreaterThan(3)
      const text = extract(pdf).replace(/\s+/g, '')
      expect(text).toContain(item.title)
      for (const m of item.metadata) {
        expect(text).toContain(m.label)
        expect(text).toContain(m.value)
      }
      expect(text).toContain('各乡镇人民政府、街道办事处')
      expect(text).toContain('（40）第40段')
      expect(text).toContain('1.完善政府信息公开目录')
      for (const cell of ['表1重点工作进度安排', '序号', '区政务公开办', '各部门自查整改', '2021年12月']) {
        expect(text).toContain(cell)
      }
      expect(text).toContain('来源：秦州区人民政府办公室')
      // Page numbers on every page, the last one included.
      expect(text).toContain(`—${pageCount(pdf)}—`)
    },
  )

  it.skipIf(!hasPdftotext)(
    `renders an item with no metadata and an empty body${needsPdftotext}`,
    async () => {
      const text = extract(
        await renderItemPdf({ title: '空白', metadata: [], bodyHtml: '', agencyName: '某局' }),
      )
      expect(text.replace(/\s+/g, '')).toContain('来源：某局')
    },
  )
})
