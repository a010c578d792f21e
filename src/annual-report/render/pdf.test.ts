import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../formats/index.ts'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { renderPdf } from './pdf.ts'

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
// Shown in the test names, so a run without poppler says why these tests were skipped.
const needsPdftotext = hasPdftotext ? '' : ' [skipped: pdftotext (poppler-utils) is not installed]'

function extract(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gongkai-pdf-')), 'report.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

describe('renderPdf', () => {
  it('embeds a subset of the CJK font', async () => {
    const pdf = await renderPdf(buildConsistentReport('gov2021', 1))
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/FontFile2')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/)
    // Subset: far smaller than the 15 MB font file.
    expect(pdf.length).toBeLessThan(400_000)
  })

  it.skipIf(!hasPdftotext)(
    `has extractable text: title, headings, every 表三 label, numbers, page numbers${needsPdftotext}`,
    async () => {
      const report = buildConsistentReport('gov2021', 2)
      const text = extract(await renderPdf(report))
      const squeezed = text.replace(/\s+/g, '')
      expect(squeezed).toContain(report.title)
      for (const s of FORMATS.gov2021.sections) expect(squeezed).toContain(`${s.number}、${s.label}`)
      // A label wrapped inside its cell may interleave with a merged neighbour in pdftotext's reading order,
      // so long labels are checked by their first line.
      for (const row of FORMATS.gov2021.t3.rows) expect(squeezed).toContain(row.label.slice(0, 12))
      expect(text).toMatch(new RegExp(`(^|\\s)${report.cells['t3.new_received.total']}(\\s|$)`))
      expect(squeezed).toContain('—1—')
      expect(squeezed).toContain('—2—')
    },
  )

  it.skipIf(!hasPdftotext)(
    `repeats 表三 header rows on the page the table continues on${needsPdftotext}`,
    async () => {
      const text = extract(await renderPdf(buildConsistentReport('gov2019', 3)))
      const pages = text.split('\f').map((p) => p.replace(/\s+/g, ''))
      const first = pages.findIndex((p) => p.includes('一、本年新收政府信息公开申请数量'))
      const last = pages.findIndex((p) => p.includes('四、结转下年度继续办理'))
      expect(last).toBeGreaterThan(first)
      for (const page of pages.slice(first, last + 1)) {
        expect(page).toContain('申请人情况')
        expect(page).toContain('法人或其他组织')
      }
    },
  )

  it.skipIf(!hasPdftotext)(`keeps a number wider than its column on one line${needsPdftotext}`, async () => {
    const report = buildConsistentReport('gov2021', 4)
    report.cells['t3.new_received.natural_person'] = 5176453
    report.cells['t4.count.review_total'] = 123456
    const words = extract(await renderPdf(report)).split(/\s+/)
    expect(words).toContain('5176453')
    expect(words).toContain('123456')
  })

  it.skipIf(!hasPdftotext)(
    `numbers every page, also those a long section runs onto${needsPdftotext}`,
    async () => {
      const report = buildConsistentReport('gov2021', 5)
      report.sections = {
        ...report.sections,
        s1_overview: '本机关认真贯彻落实政府信息公开条例。'.repeat(150),
      }
      const pages = extract(await renderPdf(report))
        .split('\f')
        .filter((p) => p.trim() !== '')
      expect(pages.length).toBeGreaterThan(5)
      pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`—${i + 1}—`))
    },
  )
})
