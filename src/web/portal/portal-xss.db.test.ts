// XSS payloads in every text field the portal shows (title, 文号, 发布机构, 内容概述, column and agency names,
// site identity, the echoed search query) come out inert: no tag, handler or javascript: URL survives.
import type { FastifyInstance } from 'fastify'
import { load } from 'cheerio'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { sanitizeBodyHtml } from '../../catalogue/body-html.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { buildColumn, buildItem, setSiteIdentity } from './portal-test-data.ts'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
  '<svg><script>alert(1)</script></svg>',
]

/**
 * Parse the page as a browser would and look for anything live an attacker wrote: script or svg elements,
 * event-handler attributes, javascript: URLs. (Text like `<script>` inside a quoted attribute or escaped in
 * text is inert and allowed.)
 */
function expectInert(body: string, where: string): void {
  const $ = load(body)
  expect($('script').length, `${where}: script`).toBe(0)
  expect($('svg').length, `${where}: svg`).toBe(0)
  $('*').each((_, el) => {
    const attributes: Record<string, string> = $(el).attr() ?? {}
    for (const [name, value] of Object.entries(attributes)) {
      expect(name.startsWith('on'), `${where}: ${name} on <${$(el).prop('tagName') ?? ''}>`).toBe(false)
      if (name === 'href' || name === 'src') {
        expect(value.trim().toLowerCase(), where).not.toMatch(/^javascript:/)
      }
    }
  })
}

describeDb('portal XSS', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: { 'user-agent': 'Mozilla/5.0 test browser' } })

  it.each(PAYLOADS)('renders %s inert in every field of every page', async (payload) => {
    const agency = await buildAgency(t.db, { name: `机构${payload}` })
    await setSiteIdentity(t.db, agency, {
      siteCode: payload,
      sponsor: payload,
      icp: payload,
      police: payload,
    })
    const column = await buildColumn(t.db, agency, { name: `栏目${payload}`, slug: 'xss' })
    const item = await buildItem(t.db, column, {
      title: `标题${payload}`,
      docNumber: payload,
      publisherName: payload,
      summary: payload,
      // Rich text goes through the catalogue's sanitiser at save, as the operations do.
      bodyHtml: sanitizeBodyHtml(`<p>正文${payload}</p>`),
      bodyText: `正文${payload}`,
    })
    const withdrawn = await buildItem(t.db, column, {
      status: 'withdrawn',
      title: payload,
      withdrawalReason: payload,
    })
    const base = `/zfxxgk/${agency.id}/xss/`
    for (const url of [
      '/',
      `/zfxxgk/${agency.id}/`,
      base,
      `${base}${item.id}.html`,
      `${base}${withdrawn.id}.html`,
      `/search?q=${encodeURIComponent(payload)}`,
      `/search?q=${encodeURIComponent('标题')}&agency=${agency.id}`,
    ]) {
      const r = await get(url)
      expect(r.statusCode, url).toBeLessThan(500)
      expectInert(r.body, url)
    }
    const page = await get(`${base}${item.id}.html`)
    // The payload is shown as text, escaped.
    expect(page.body).toContain('&lt;')
    expect(load(page.body)('title').length).toBe(1)
    const rss = await get(`${base}rss.xml`)
    expectInert(rss.body, 'rss')
    const feed = await get(`${base}feed.json`)
    expect(() => JSON.parse(feed.body) as unknown).not.toThrow()
  })
})
