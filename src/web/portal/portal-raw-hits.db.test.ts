// Cached public pages are answered before Fastify (rawPortalHits): through a real listening server, a hit
// carries the same bytes and headers as the rendered answer, 304s on its ETag, counts views, and a change
// is visible on the very next request after invalidation. What the raw path does not handle (another display
// mode, an encoded cookie, HEAD, a forwarded host) goes through Fastify and its own cache entry.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { flushViews } from '../../catalogue/index.ts'
import { viewCounter } from '../../catalogue/view-counter.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { portalCache } from './portal-cache.ts'
import { buildColumn, buildItem } from './portal-test-data.ts'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'
const SAME_HEADERS = [
  'content-type',
  'content-length',
  'cache-control',
  'etag',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
]

describeDb('portal pages answered from the render cache before Fastify', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let base = ''
  /** Requests Fastify handled (its onRequest hook ran). */
  let throughFastify = 0

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    app.addHook('onRequest', (_request, _reply, done) => {
      throughFastify += 1
      done()
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no TCP address')
    base = `http://127.0.0.1:${address.port}`
  })
  afterAll(async () => {
    await app.close()
  })

  async function get(url: string, headers: Record<string, string> = {}) {
    const before = throughFastify
    const response = await fetch(base + url, { headers: { 'user-agent': BROWSER, ...headers } })
    const body = await response.text()
    return { response, body, raw: throughFastify === before }
  }

  it('answers a hit with the bytes and headers of the rendered page, and the change after invalidation', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'rh' })
    await buildItem(t.db, column, { title: '原始标题一' })
    const url = `/zfxxgk/${agency.id}/rh/`
    const first = await get(url)
    expect(first.raw).toBe(false)
    expect(first.response.status).toBe(200)
    const hitsBefore = portalCache.hits
    const hit = await get(url)
    expect(hit.raw).toBe(true)
    expect(portalCache.hits).toBe(hitsBefore + 1)
    expect(hit.body).toBe(first.body)
    for (const name of SAME_HEADERS) {
      expect(hit.response.headers.get(name), name).toBe(first.response.headers.get(name))
    }
    await buildItem(t.db, column, { title: '新增标题二' })
    expect((await get(url)).body).not.toContain('新增标题二')
    portalCache.invalidateAgency(agency.id)
    const after = await get(url)
    expect(after.raw).toBe(false)
    expect(after.body).toContain('新增标题二')
  })

  it('answers 304 to a matching If-None-Match and counts views of people only', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'rv' })
    const item = await buildItem(t.db, column)
    const url = `/zfxxgk/${agency.id}/rv/${item.id}.html`
    await flushViews(t.db)
    const first = await get(url)
    const etag = first.response.headers.get('etag') ?? ''
    const revalidated = await get(url, { 'if-none-match': etag })
    expect(revalidated.raw).toBe(true)
    expect(revalidated.response.status).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.response.headers.get('etag')).toBe(etag)
    expect(revalidated.response.headers.get('x-frame-options')).toBe('DENY')
    const bot = await get(url, { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' })
    expect(bot.raw).toBe(true)
    expect(viewCounter.pending).toBe(2)
  })

  it('keeps display modes, encoded cookies, HEAD and forwarded hosts apart', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'rd' })
    await buildItem(t.db, column)
    const url = `/zfxxgk/${agency.id}/rd/`
    await get(url)
    const large = await get(url, { cookie: 'other=1; gk_display=l-elder' })
    expect(large.raw).toBe(false)
    expect(large.body).toContain('fs-l elder')
    const largeAgain = await get(url, { cookie: 'gk_display=l-elder; gk_display=s' })
    expect(largeAgain.raw).toBe(true)
    expect(largeAgain.body).toBe(large.body)
    expect((await get(url, { cookie: 'gk_display=l%2Delder' })).raw).toBe(false)
    const head = await fetch(base + url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    // From a loopback peer (a local reverse proxy) the forwarded host is the site's domain: its own page.
    const forwarded = await get(url, { 'x-forwarded-host': 'gk.example.gov.cn', 'x-forwarded-proto': 'https' })
    expect(forwarded.raw).toBe(false)
    expect(forwarded.body).toContain('content="gk.example.gov.cn"')
    const forwardedAgain = await get(url, {
      'x-forwarded-host': 'gk.example.gov.cn',
      'x-forwarded-proto': 'https',
    })
    expect(forwardedAgain.raw).toBe(true)
    expect(forwardedAgain.body).toBe(forwarded.body)
    expect((await get(url)).body).not.toContain('gk.example.gov.cn')
  })

  it('leaves /search to Fastify every time, so its per-IP rate limit sees each request', async () => {
    const first = await get('/search?q=%E9%80%9A%E7%9F%A5')
    expect(first.response.status).toBe(200)
    const again = await get('/search?q=%E9%80%9A%E7%9F%A5')
    expect(again.raw).toBe(false)
    expect(again.body).toBe(first.body)
  })
})
