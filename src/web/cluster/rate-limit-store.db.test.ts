// The database rate-limit store on both engines: two Fastify servers (two processes in miniature) counting into
// one database share each client's limit; limiters of one store count apart; a new window starts at zero;
// ended windows are pruned.
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { isoNow } from '../../storage/index.ts'
import { databaseRateLimitStore } from './rate-limit-store.ts'
import { countHit, pruneHits, readHits } from './rate-limit.queries.ts'

describeDb('database rate-limit store', () => {
  const t = useTestDb()
  let clock = Date.parse('2026-11-27T08:00:10Z')
  const servers: FastifyInstance[] = []

  async function server(): Promise<FastifyInstance> {
    const app = Fastify()
    await app.register(fastifyRateLimit, {
      global: false,
      store: databaseRateLimitStore(t.db, 'test', () => clock),
    })
    const submit = app.rateLimit({ max: 3, timeWindow: 60_000 })
    const lookup = app.rateLimit({ max: 2, timeWindow: 60_000 })
    app.post('/submit', { onRequest: submit }, () => ({ ok: true }))
    app.post('/lookup', { onRequest: lookup }, () => ({ ok: true }))
    await app.ready()
    servers.push(app)
    return app
  }

  let a: FastifyInstance
  let b: FastifyInstance
  beforeAll(async () => {
    a = await server()
    b = await server()
  })
  afterAll(async () => {
    for (const s of servers) await s.close()
  })

  const post = (app: FastifyInstance, url: string, ip = '203.0.113.7') =>
    app.inject({ method: 'POST', url, remoteAddress: ip })

  it('a client limited to 3 a minute gets 3 answers in total from two servers, then 429 from either', async () => {
    const statuses = [
      (await post(a, '/submit')).statusCode,
      (await post(b, '/submit')).statusCode,
      (await post(a, '/submit')).statusCode,
      (await post(b, '/submit')).statusCode,
      (await post(a, '/submit')).statusCode,
    ]
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    // Another client is not affected.
    expect((await post(b, '/submit', '198.51.100.9')).statusCode).toBe(200)
    // The other limiter of the same servers counts apart.
    expect((await post(a, '/lookup')).statusCode).toBe(200)
    expect((await post(b, '/lookup')).statusCode).toBe(200)
    expect((await post(a, '/lookup')).statusCode).toBe(429)
  })

  it('answers the remaining count and reset; the next window starts at zero', async () => {
    clock += 60_000
    const first = await post(b, '/submit', '192.0.2.1')
    expect(first.statusCode).toBe(200)
    expect(first.headers['x-ratelimit-remaining']).toBe('2')
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0)
    expect(Number(first.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(60)
    expect((await post(a, '/submit')).statusCode).toBe(200)
  })

  it('concurrent hits are all counted (atomic upsert)', async () => {
    const key = `concurrent|${Date.now()}`
    const expires = new Date(clock + 60_000).toISOString()
    const counts = await Promise.all(Array.from({ length: 20 }, () => countHit(t.db, key, expires)))
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(await readHits(t.db, key)).toBe(20)
  })

  it('prunes ended windows only', async () => {
    await countHit(t.db, 'old|x|1', '2026-11-27T07:00:00.000Z')
    await countHit(t.db, 'live|x|1', '2026-11-27T09:00:00.000Z')
    expect(await pruneHits(t.db, isoNow(new Date('2026-11-27T08:30:00Z')))).toBeGreaterThanOrEqual(1)
    expect(await readHits(t.db, 'old|x|1')).toBe(0)
    expect(await readHits(t.db, 'live|x|1')).toBe(1)
  })
})
