// Every response carries the security headers: pages, errors, health, static assets, portal pages.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { assetUrl } from './assets.ts'

describeDb('security headers', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it.each([
    ['GET', '/healthz', 200],
    ['GET', '/admin/login', 200],
    ['GET', '/admin', 303],
    ['GET', '/', 200],
    ['GET', '/no-such-page', 404],
    ['GET', '/zfxxgk/abc/', 404],
    ['POST', '/admin/logout', 403],
    ['GET', assetUrl('admin.css'), 200],
  ])('%s %s (%i)', async (method, url, status) => {
    const r = await app.inject({ method: method as 'GET' | 'POST', url })
    expect(r.statusCode).toBe(status)
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['x-frame-options']).toBe('DENY')
    expect(r.headers['referrer-policy']).toBe('same-origin')
  })
})
