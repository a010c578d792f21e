// Limits at the HTTP edge: a body over the limit is refused with 413 and a message before anything is read or
// written; an upload over the upload limit likewise; searches beyond the per-IP rate get 429; an idle
// connection is closed after the request timeout.
import { connect as connectSocket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildAgency, buildUser } from '../../test/factories.ts'
import { listAuditLog, systemActor } from '../accounts/index.ts'
import { DEFAULT_LIMITS, type Limits } from '../config.ts'
import { buildServer } from './server.ts'
import { fetchCsrf, postForm, sessionCookie } from './testing/web-test-kit.ts'

const LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  bodyBytes: 4 * 1024,
  uploadBytes: 64 * 1024,
  requestTimeoutMs: 1000,
  searchPerMinute: 3,
}

describeDb('limits', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildServer({
      db: t.db,
      config: { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12, limits: LIMITS },
    })
  })
  afterAll(async () => {
    await app.close()
  })

  async function agencyCount(): Promise<number> {
    return (
      await t.db
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  }

  it('refuses a form over the body limit with 413 and a Chinese message, and writes nothing', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['platform_admin'] })
    const csrf = await fetchCsrf(app, await sessionCookie(t.db, user), '/admin/agencies/new')
    const agencies = await agencyCount()
    const audits = (await listAuditLog(t.db, systemActor('test'), { pageSize: 1 })).total

    const big = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: '超大机构',
      kind: 'department',
      guideAddress: '路'.repeat(5000),
    })
    expect(big.statusCode).toBe(413)
    expect(big.headers['content-type']).toMatch(/text\/html/)
    expect(big.body).toContain('提交的内容超过大小限制（最大 4 KB），未作任何修改。')
    expect(await agencyCount()).toBe(agencies)
    expect((await listAuditLog(t.db, systemActor('test'), { pageSize: 1 })).total).toBe(audits)

    // The same form under the limit is accepted: the 413 came from the size alone.
    const ok = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: '正常机构',
      kind: 'department',
    })
    expect(ok.statusCode).toBe(303)
    expect(await agencyCount()).toBe(agencies + 1)
  })

  it('answers the API with a JSON 413, and refuses an upload over the upload limit', async () => {
    const api = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(10_000) }),
    })
    expect(api.statusCode).toBe(413)
    const { error } = api.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('payload_too_large')
    expect(error.message).toContain('最大 4 KB')

    const boundary = 'gongkai-limit-test'
    const upload = await app.inject({
      method: 'POST',
      url: '/admin/catalogue/items/1/attachments',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
        Buffer.alloc(200 * 1024, 0x41),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    })
    expect(upload.statusCode).toBe(413)
    expect(upload.body).toContain('上传的文件超过大小限制（最大 64 KB）')
  })

  it('limits searches per client IP with 429 and Retry-After; another IP is unaffected', async () => {
    const search = (ip: string, q: string) =>
      app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}`, remoteAddress: ip })
    for (let i = 0; i < LIMITS.searchPerMinute; i += 1) {
      expect((await search('203.0.113.7', `公开${i}`)).statusCode).toBe(200)
    }
    const refused = await search('203.0.113.7', '公开')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.body).toContain('搜索过于频繁（每分钟最多 3 次）')
    expect((await search('203.0.113.8', '公开')).statusCode).toBe(200)
    // Other pages are not counted.
    expect((await app.inject({ method: 'GET', url: '/', remoteAddress: '203.0.113.7' })).statusCode).toBe(200)
  })

  it('closes a connection that sends nothing for the request timeout', async () => {
    const server = await buildServer({
      db: t.db,
      config: { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12, limits: LIMITS },
    })
    try {
      await server.listen({ port: 0, host: '127.0.0.1' })
      const address = server.server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      const started = Date.now()
      const closedAfter = await new Promise<number>((resolve, reject) => {
        const socket = connectSocket(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'))
        socket.on('close', () => resolve(Date.now() - started))
        socket.on('error', reject)
        setTimeout(() => reject(new Error('connection still open after 5 s')), 5000).unref()
      })
      expect(closedAfter).toBeGreaterThanOrEqual(900)
      expect(closedAfter).toBeLessThan(4000)
    } finally {
      await server.close()
    }
  })
})
