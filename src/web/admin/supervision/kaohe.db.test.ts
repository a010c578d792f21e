// The 考核 overview in the console: page, sorting links, CSV and XLSX downloads (the XLSX unzipped and its
// sheet read back), roles (other supervising office 403) and bad input (4xx, never 500).
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildUser } from '../../../../test/factories.ts'
import { buildKaoheWorld } from '../../../supervision/kaohe-world.test-kit.ts'
import type { KaoheWorld } from '../../../supervision/kaohe-world.test-kit.ts'
import { buildTestServer, sessionCookie } from '../../testing/web-test-kit.ts'

describeDb('考核 overview console', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let w: KaoheWorld
  let cookie: string

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    w = await buildKaoheWorld(t.db)
    const { user } = await buildUser(t.db, { agency: w.office, roles: ['supervisor'] })
    cookie = await sessionCookie(t.db, user)
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (url: string, c = cookie) => app.inject({ method: 'GET', url, headers: { cookie: c } })
  const base = () => `/admin/supervision/${w.office.id}/2025`

  it('shows the table, sorted by the chosen column, with a nav entry', async () => {
    const res = await get(`${base()}?sort=overdue&dir=desc`)
    expect(res.statusCode).toBe(200)
    const $ = cheerio.load(res.body)
    expect($('nav a[href="/admin/supervision"]').text()).toContain('考核情况')
    const rows = $('tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('th, td')
          .toArray()
          .map((c) => $(c).text().trim()),
      )
    expect(rows).toEqual([
      ['甲局', '4', '66.7%', '3', '66.7%', '2', '1', '1', '按时发布（2026-01-31）'],
      ['乙局', '1', '—', '1', '100.0%', '1', '0', '1', '逾期发布（2026-02-01）'],
      ['甲局下属所', '0', '—', '0', '—', '0', '0', '0', '未发布'],
    ])
    expect($('th[aria-sort="descending"]').text()).toContain('当前逾期未答复')
    // The active column's link flips the direction.
    expect($('th[aria-sort="descending"] a').attr('href')).toBe(`${base()}?sort=overdue&dir=asc`)
    // A published report links to its 图解 on the portal.
    expect($('a:contains("按时发布")').attr('href')).toBe(`/zfxxgk/${w.jia.id}/tujie/2025.html`)
    expect($('a:contains("未发布")')).toHaveLength(0)
    // The downloads keep the order on screen.
    expect($('a:contains("导出CSV")').attr('href')).toBe(`${base()}/kaohe.csv?sort=overdue&dir=desc`)
  })

  it('redirects the entry to the actor’s office and a year', async () => {
    const res = await get('/admin/supervision?year=2025')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(base())
    expect((await get('/admin/supervision?year=x')).statusCode).toBe(400)
  })

  it('exports CSV with a BOM, the title, the header and the sorted rows', async () => {
    const res = await get(`${base()}/kaohe.csv?sort=items&dir=desc`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''")
    const lines = res.body.split('\r\n')
    expect(lines[0]).toBe('\uFEFF监督机关2025年度政府信息公开工作考核情况')
    expect(lines[1]).toBe(
      '机构,主动公开信息数,20个工作日内公开率,依申请答复数,按期答复率,当前逾期未答复,行政复议被纠正,行政诉讼被纠正,年度报告',
    )
    expect(lines[2]).toBe('甲局,4,66.7%,3,66.7%,2,1,1,按时发布（2026-01-31）')
    expect(lines[3]).toBe('乙局,1,—,1,100.0%,1,0,1,逾期发布（2026-02-01）')
    expect(lines[4]).toBe('甲局下属所,0,—,0,—,0,0,0,未发布')
  })

  it('exports an XLSX whose sheet reads back: numbers as numbers, shares as fractions', async () => {
    const res = await get(`${base()}/kaohe.xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const files = unzipSync(new Uint8Array(res.rawPayload))
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ])
    const sheetXml = files['xl/worksheets/sheet1.xml']
    if (sheetXml === undefined) throw new Error('no sheet')
    const $ = cheerio.load(strFromU8(sheetXml), { xml: true })
    const cell = (ref: string) => {
      const c = $(`c[r="${ref}"]`)
      return c.attr('t') === 'inlineStr' ? c.find('t').text() : Number(c.find('v').text())
    }
    expect(cell('A1')).toBe('监督机关2025年度政府信息公开工作考核情况')
    expect(cell('C2')).toBe('20个工作日内公开率')
    // Sorted by agency name (default): 甲局, 甲局下属所, 乙局 in 汉语拼音 order.
    expect([cell('A3'), cell('A4'), cell('A5')]).toEqual(['甲局', '甲局下属所', '乙局'])
    expect(cell('B3')).toBe(4)
    expect(cell('C3')).toBeCloseTo(2 / 3, 10)
    expect($('c[r="C3"]').attr('s')).toBe('2')
    expect(cell('C4')).toBe('—')
    expect(cell('E5')).toBe(1)
    expect(cell('I5')).toBe('逾期发布（2026-02-01）')
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())
    expect(workbook).toContain('name="2025年度考核"')
    // Every part is well-formed XML (a strict parser accepts it).
    for (const [name, bytes] of Object.entries(files)) {
      const doc = new DOMParserLike(strFromU8(bytes))
      expect(doc.ok, name).toBe(true)
    }
  })

  it('refuses another supervising office (403) and other roles of the office (403)', async () => {
    const { user: stranger } = await buildUser(t.db, { agency: w.other, roles: ['supervisor'] })
    const strangerCookie = await sessionCookie(t.db, stranger)
    expect((await get(base(), strangerCookie)).statusCode).toBe(403)
    expect((await get(`${base()}/kaohe.csv`, strangerCookie)).statusCode).toBe(403)
    expect((await get(`${base()}/kaohe.xlsx`, strangerCookie)).statusCode).toBe(403)
    const { user: publisher } = await buildUser(t.db, { agency: w.office, roles: ['publisher'] })
    expect((await get(base(), await sessionCookie(t.db, publisher))).statusCode).toBe(403)
  })

  it('answers bad input with 4xx, never 500', async () => {
    for (const url of [
      '/admin/supervision/abc/2025',
      `/admin/supervision/${w.office.id}/20251`,
      `/admin/supervision/${w.office.id}/2025/kaohe.pdf`,
      '/admin/supervision/99999999/2025',
      `/admin/supervision/${'9'.repeat(30)}/2025`,
    ]) {
      const res = await get(url)
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, url).toBeLessThan(500)
    }
    // An unknown sort key falls back to the default order.
    expect((await get(`${base()}?sort=%3Cscript%3E&dir=up`)).statusCode).toBe(200)
  })
})

/** Well-formedness by htmlparser2 in XML mode would be lenient; count open/close tags as a strict check. */
class DOMParserLike {
  readonly ok: boolean
  constructor(xml: string) {
    const stack: string[] = []
    let ok = xml.startsWith('<?xml')
    for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
      const [, close, name = '', selfClose] = m
      if (selfClose === '/') continue
      if (close === '/') {
        if (stack.pop() !== name) ok = false
      } else stack.push(name)
    }
    this.ok = ok && stack.length === 0 && !/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(xml)
  }
}
