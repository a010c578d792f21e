// Assets come from memory under their content-hashed URL: right type, a year of immutable caching, 304 on
// the ETag, HEAD without a body, and 404 for another hash or an unknown file.
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { ASSET_DIR, assetUrl } from './assets.ts'

describeDb('static assets', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('serves each file with its type, immutable caching and an ETag', async () => {
    const css = await app.inject({ method: 'GET', url: assetUrl('portal.css') })
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(css.rawPayload.equals(readFileSync(`${ASSET_DIR}portal.css`))).toBe(true)
    const svg = await app.inject({ method: 'GET', url: assetUrl('favicon.svg') })
    expect(svg.headers['content-type']).toBe('image/svg+xml')
    const etag = String(css.headers.etag)
    const again = await app.inject({
      method: 'GET',
      url: assetUrl('portal.css'),
      headers: { 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const head = await app.inject({ method: 'HEAD', url: assetUrl('portal.css') })
    expect(head.statusCode).toBe(200)
    expect(head.body).toBe('')
  })

  it('answers 404 for another hash, an unknown file or a path outside the folder', async () => {
    for (const url of [
      '/assets/000000000000/portal.css',
      assetUrl('missing.css'),
      assetUrl('..%2Fassets.ts'),
      assetUrl(''),
    ]) {
      const r = await app.inject({ method: 'GET', url })
      expect(r.statusCode, url).toBe(404)
    }
  })
})
