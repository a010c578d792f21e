// CSV and XLSX of the 考核 overview on their own: quoting, formula-looking names made inert, XML escaping,
// sheet names Excel accepts, and the package parts a reader needs.
import * as cheerio from 'cheerio'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { kaoheCsv, kaoheXlsx } from './kaohe-export.ts'
import { formatShare, reportStatusOf, share } from './kaohe.ts'
import type { KaoheRow } from './kaohe.ts'

function row(name: string, over: Partial<KaoheRow> = {}): KaoheRow {
  return {
    agencyId: 1,
    agencyName: name,
    depth: 1,
    itemsPublished: 8,
    itemsOnTime: 7,
    itemsTimingKnown: 8,
    answered: 0,
    answeredOnTime: 0,
    overdueNow: 1,
    reviewConcluded: 0,
    reviewCorrected: 0,
    litigationConcluded: 0,
    litigationCorrected: 0,
    reportPublishedOn: null,
    reportDeadline: '2026-01-31',
    reportStatus: 'unpublished',
    ...over,
  }
}

describe('考核 CSV', () => {
  it('quotes commas and quotes, and makes formula-looking text inert', () => {
    const csv = kaoheCsv('标题', [row('=HYPERLINK("x")'), row('甲,乙"局"'), row('-1+1'), row('@SUM(A1)')])
    const lines = csv.split('\r\n')
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",8,87.5%,0,—,1,0,0,未发布`)
    expect(lines[3]?.startsWith('"甲,乙""局"""')).toBe(true)
    expect(lines[4]?.startsWith("'-1+1,")).toBe(true)
    expect(lines[5]?.startsWith("'@SUM(A1),")).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })
})

describe('考核 XLSX', () => {
  it('escapes text, drops characters XML forbids and keeps a valid sheet name', () => {
    const bytes = kaoheXlsx(
      '<标题>&',
      '2025/考核[汇总]:*?超过三十一个字符的工作表名称会被截断到三十一个字符',
      [row('甲<局>&"\u0007')],
    )
    const files = unzipSync(bytes)
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())
    expect(sheet).not.toContain('\u0007')
    const $ = cheerio.load(sheet, { xml: true })
    expect($('c[r="A1"] t').text()).toBe('<标题>&')
    expect($('c[r="A3"] t').text()).toBe('甲<局>&"')
    expect(Number($('c[r="C3"] v').text())).toBe(0.875)
    expect($('c[r="E3"] t').text()).toBe('—')
    expect($('dimension').attr('ref')).toBe('A1:I3')
    const workbook = cheerio.load(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array()), { xml: true })
    const name = workbook('sheet').attr('name') ?? ''
    expect(name.length).toBeLessThanOrEqual(31)
    expect(name).not.toMatch(/[[\]:*?/\\]/)
    const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array())
    expect(types).toContain('/xl/worksheets/sheet1.xml')
    expect(types).toContain('spreadsheetml.sheet.main+xml')
  })
})

describe('考核 figures', () => {
  it('divides only by a positive whole and compares report dates with the deadline', () => {
    expect(share(1, 0)).toBeNull()
    expect(formatShare(share(2, 3))).toBe('66.7%')
    expect(formatShare(null)).toBe('—')
    expect(reportStatusOf(null, '2026-01-31')).toBe('unpublished')
    expect(reportStatusOf('2026-01-31', '2026-01-31')).toBe('on_time')
    expect(reportStatusOf('2026-02-01', '2026-01-31')).toBe('late')
    expect(reportStatusOf('2026-05-01', null)).toBe('no_deadline')
  })
})
