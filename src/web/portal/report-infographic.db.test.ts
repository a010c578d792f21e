// The 图解 on the portal: the page (image, text alternative, data tables, downloads), the SVG, the PNG (its
// size decoded from the header and its pixels not blank), only published reports, and 4xx for bad addresses.
import { inflateSync } from 'node:zlib'
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildAgency, buildColumn } from '../../../test/factories.ts'
import type { Agency } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'

async function publishVersion(
  db: DB,
  agency: Agency,
  year: number,
  version: number,
  cells: Record<string, number> | null,
) {
  const column = await buildColumn(db, { agency })
  const item = await db
    .insertInto('catalogue_items')
    .values({
      agency_id: agency.id,
      column_id: column.id,
      status: 'published',
      index_number: null,
      title: `${year}年年报`,
      topic_code: null,
      publisher_name: agency.name,
      written_on: null,
      published_on: `${year + 1}-01-20`,
      doc_number: null,
      validity: 'valid',
      effective_on: null,
      repealed_on: null,
      keywords: '',
      summary: '',
      body_html: '',
      body_text: '',
      item_type: 'ordinary',
      made_on: null,
      published_on_time: null,
      view_count: 0,
      scheduled_at: null,
      published_at: `${year + 1}-01-20T02:00:00.000Z`,
      submitted_at: null,
      return_reason: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      created_by: null,
      reviewed_by: null,
      created_at: `${year + 1}-01-20T02:00:00.000Z`,
      updated_at: `${year + 1}-01-20T02:00:00.000Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // null: a version stored without its tables (the 图解 has nothing to draw).
  const report = {
    format: 'gov2021',
    year,
    agency: agency.name,
    title: null,
    metadata: null,
    sections: {},
    ...(cells === null ? {} : { cells }),
    blank: [],
  }
  await db
    .insertInto('report_versions')
    .values({
      agency_id: agency.id,
      year,
      version,
      item_id: item.id,
      report_json: JSON.stringify(report),
      tables_json: '{}',
      content_hash: '0'.repeat(64),
      change_note: version > 1 ? '更正' : null,
      override_reason: null,
      error_count: 0,
      published_by: null,
      published_at: `${year + 1}-01-2${version}T02:00:00.000Z`,
    })
    .execute()
}

/** Width, height and the share of non-white bytes of an 8-bit RGBA PNG. */
function decodePng(png: Buffer): { width: number; height: number; inked: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
  const idat: Buffer[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('ascii')
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = (raw.length / height) | 0
  let inked = 0
  let total = 0
  for (let y = 0; y < height; y += 4) {
    // Filtered rows: a byte other than 0 (after the filter byte) means the row is not plain white/unchanged.
    const row = raw.subarray(y * stride + 1, (y + 1) * stride)
    for (let x = 0; x < row.length; x += 16) {
      total += 1
      if (row[x] !== 0 && row[x] !== 255) inked += 1
    }
  }
  return { width, height, inked: inked / total }
}

describeDb('图解 on the portal', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let agency: Agency
  let empty: Agency
  let noCells: Agency

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    agency = await buildAgency(t.db, { name: '示例<b>局</b>' })
    empty = await buildAgency(t.db, { name: '未发布局' })
    await buildColumn(t.db, { agency: empty })
    noCells = await buildAgency(t.db, { name: '无表格局' })
    await publishVersion(t.db, noCells, 2024, 1, null)
    await publishVersion(t.db, noCells, 2025, 1, { 't3.new_received.total': 7, 't3.results_total.total': 7 })
    await publishVersion(t.db, noCells, 2026, 1, {})
    await publishVersion(t.db, agency, 2024, 1, { 't3.new_received.total': 90, 't3.results_total.total': 85 })
    await publishVersion(t.db, agency, 2025, 1, { 't3.new_received.total': 1 })
    // The correction (version 2) is what the 图解 shows.
    await publishVersion(t.db, agency, 2025, 2, {
      't3.new_received.total': 120,
      't3.results_total.total': 118,
      't3.granted.total': 60,
      't3.partially_granted.total': 20,
      't3.unable_not_held.total': 38,
      't4.count.review_corrected': 1,
      't4.count.review_total': 4,
    })
  })
  afterAll(async () => {
    await app.close()
  })

  it('shows the page: image with its text alternative, data tables and downloads; names stay text', async () => {
    const res = await app.inject(`/zfxxgk/${agency.id}/tujie/2025.html`)
    expect(res.statusCode).toBe(200)
    const $ = cheerio.load(res.body)
    // Text, never markup (inside a quoted attribute `<` is plain text).
    expect($('b')).toHaveLength(0)
    expect($('h1').text()).toBe('示例<b>局</b>2025年政府信息公开工作年度报告图解')
    expect($('figure img').attr('src')).toBe(`/zfxxgk/${agency.id}/tujie/2025.svg`)
    expect($('figure img').attr('alt')).toContain('年度报告图解')
    expect($('figcaption').text()).toContain('新收政府信息公开申请120件')
    expect($('p').text()).toContain('第2版')
    const cells = $('table')
      .first()
      .find('tr')
      .toArray()
      .map((tr) => [$(tr).find('th').text(), $(tr).find('td').text()])
    expect(cells).toContainEqual(['本年新收政府信息公开申请', '120件'])
    expect(cells).toContainEqual(['办理结果：予以公开', '60件（50.8%）'])
    expect(cells).toContainEqual(['行政复议', '4件，其中结果纠正1件'])
    const trend = $('table')
      .last()
      .find('tbody tr')
      .toArray()
      .map((tr) => $(tr).text())
    expect(trend).toEqual(['2024年90850', '2025年12011880'])
    expect($(`a[href="/zfxxgk/${agency.id}/tujie/2025.png"]`).text()).toContain('下载图解')
  })

  it('serves the SVG with its title and escaped text', async () => {
    const res = await app.inject(`/zfxxgk/${agency.id}/tujie/2025.svg`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    const $ = cheerio.load(res.body, { xml: true })
    expect($('svg > title').text()).toBe('示例<b>局</b>2025年政府信息公开工作年度报告图解')
    expect($('svg b')).toHaveLength(0)
  })

  it('serves a PNG at twice the SVG size that is not blank', async () => {
    const res = await app.inject(`/zfxxgk/${agency.id}/tujie/2024.png`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-disposition']).toContain('attachment')
    const png = decodePng(res.rawPayload)
    expect([png.width, png.height]).toEqual([1920, 2020])
    expect(png.inked).toBeGreaterThan(0.01)
    // resvg reads the two 15 MB font files for the render: 16–25 s of wall time on a loaded 2-core machine
    // (mostly system time), which a 30 s limit left no room for. Not a speed check.
  }, 120_000)

  it('answers 404 for a year without a published report and 4xx for bad addresses', async () => {
    for (const url of [
      `/zfxxgk/${agency.id}/tujie/2023.html`,
      `/zfxxgk/${agency.id}/tujie/2023.png`,
      `/zfxxgk/${empty.id}/tujie/2025.svg`,
      '/zfxxgk/99999999/tujie/2025.html',
      `/zfxxgk/${agency.id}/tujie/2025.gif`,
      `/zfxxgk/${agency.id}/tujie/1999.html`,
      `/zfxxgk/${agency.id}/tujie/%3Cscript%3E.html`,
      `/zfxxgk/abc/tujie/2025.html`,
    ]) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, url).toBeLessThan(500)
    }
    expect((await app.inject(`/zfxxgk/${agency.id}/tujie/2023.html`)).statusCode).toBe(404)
  })

  it('answers 404, not 500, for a version without table figures, and leaves such years out of the trend', async () => {
    for (const url of [
      `/zfxxgk/${noCells.id}/tujie/2024.html`,
      `/zfxxgk/${noCells.id}/tujie/2024.svg`,
      `/zfxxgk/${noCells.id}/tujie/2024.png`,
      `/zfxxgk/${noCells.id}/tujie/2026.html`,
    ]) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
    }
    const missing = await app.inject(`/zfxxgk/${noCells.id}/tujie/2024.html`)
    expect(missing.body).toContain('没有表格数据')
    const page = await app.inject(`/zfxxgk/${noCells.id}/tujie/2025.html`)
    expect(page.statusCode).toBe(200)
    const $ = cheerio.load(page.body)
    const trend = $('table')
      .last()
      .find('tbody tr th')
      .toArray()
      .map((th) => $(th).text())
    expect(trend).toEqual(['2025年'])
  })
})
