// The render cache through real requests: a change is visible on the next request after invalidation,
// browsers revalidate with ETag (304), views are counted in memory (bots excluded) and flushed in a batch.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { findItem } from '../../catalogue/item.queries.ts'
import { viewCounter } from '../../catalogue/view-counter.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { portalCache } from './portal-cache.ts'
import { buildColumn, buildItem } from './portal-test-data.ts'
import { flushViews } from '../../catalogue/index.ts'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'

describeDb('portal render cache and view counts', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } })

  it('serves the cached page until the agency is invalidated, then the change on the next request', async () => {
    const agency = await buildAgency(t.db)
    const other = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'hc' })
    const otherColumn = await buildColumn(t.db, other, { slug: 'hc' })
    await buildItem(t.db, column, { title: '第一篇' })
    await buildItem(t.db, otherColumn, { title: '他处第一篇' })
    const url = `/zfxxgk/${agency.id}/hc/`
    const otherUrl = `/zfxxgk/${other.id}/hc/`
    expect((await get(url)).body).toContain('第一篇')
    expect((await get(otherUrl)).body).toContain('他处第一篇')
    // Written behind the cache's back: still the cached page, which proves the cache serves it.
    await buildItem(t.db, column, { title: '第二篇' })
    await buildItem(t.db, otherColumn, { title: '他处第二篇' })
    expect((await get(url)).body).not.toContain('第二篇')
    // What publish/withdraw/edit operations call.
    portalCache.invalidateAgency(agency.id)
    expect((await get(url)).body).toContain('第二篇')
    expect((await get(`/zfxxgk/${agency.id}/`)).body).toContain('第二篇')
    // Another agency's pages were not invalidated.
    expect((await get(otherUrl)).body).not.toContain('他处第二篇')
  })

  it('sends no-cache with an ETag and answers 304 when it matches', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'et' })
    const item = await buildItem(t.db, column)
    const url = `/zfxxgk/${agency.id}/et/${item.id}.html`
    const first = await get(url)
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get(url, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const stale = await get(url, { 'if-none-match': '"other"' })
    expect(stale.statusCode).toBe(200)
    // Each display mode is its own page (and its own ETag).
    const large = await get(url, { cookie: 'gk_display=l', 'if-none-match': etag })
    expect(large.statusCode).toBe(200)
    expect(large.headers.etag).not.toBe(etag)
  })

  it('counts views of people in memory, not bots or HEAD requests, and writes them in one flush', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'vc' })
    const item = await buildItem(t.db, column, { viewCount: 10 })
    const url = `/zfxxgk/${agency.id}/vc/${item.id}.html`
    await flushViews(t.db)
    for (let i = 0; i < 3; i++) await get(url)
    await get(url, { 'if-none-match': String((await get(url)).headers.etag) })
    await get(url, { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' })
    await get(url, { 'user-agent': 'curl/8.5.0' })
    // A HEAD request (a link checker, a monitor) reads no page: not a view.
    await app.inject({ method: 'HEAD', url, headers: { 'user-agent': BROWSER } })
    expect(viewCounter.pending).toBe(5)
    expect((await findItem(t.db, item.id))?.viewCount).toBe(10)
    expect(await flushViews(t.db)).toBe(5)
    expect((await findItem(t.db, item.id))?.viewCount).toBe(15)
    expect(viewCounter.pending).toBe(0)
  })

  it('does not count views of withdrawn items', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'wv' })
    const item = await buildItem(t.db, column, { status: 'withdrawn' })
    await flushViews(t.db)
    await get(`/zfxxgk/${agency.id}/wv/${item.id}.html`)
    expect(viewCounter.pending).toBe(0)
  })
})
