// Two `gongkai serve` processes on one PostgreSQL schema: process B has a column page cached, an item is
// published through process A's API, and B serves the page with the item within one second (A's render
// cache invalidation reaches B through LISTEN/NOTIFY; without it B would serve its cached page for a minute).
// And a per-IP limit counts across both processes (the database rate-limit store), a logout through A is
// honoured by B within its 2 s session cache, and views counted by both processes add up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../accounts/index.ts'
import { buildAgency, buildUser, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { buildColumn, buildItem } from '../portal/portal-test-data.ts'
import { SESSION_COOKIE } from '../shared/session.ts'
import { apiClient, pgCluster, type ServeProcess } from './cluster-test-kit.ts'

const cluster = await pgCluster('two_proc')

describe.skipIf(cluster.unavailable !== null)('two processes on PostgreSQL', () => {
  let a: ServeProcess
  let b: ServeProcess
  beforeAll(async () => {
    await cluster.setUp()
    const env = { GONGKAI_TRACK_LOOKUPS_PER_HOUR: '3', GONGKAI_SEARCH_RATE_LIMIT: '3' }
    ;[a, b] = await Promise.all([cluster.serve(env), cluster.serve(env)])
  }, 120_000)
  afterAll(async () => {
    await cluster.tearDown()
  })

  it('an item published through process A is served fresh by process B within 1 second', async () => {
    const db = cluster.db
    const agency = await buildAgency(db, { creditCode: TEST_CREDIT_CODE })
    const column = await buildColumn(db, agency, { slug: 'tzgg' })
    await buildItem(db, column, { title: '已经公开的第一篇' })
    const item = await buildItem(db, column, { status: 'in_review', title: '两个进程之间的新发布' })
    const { user: reviewer } = await buildUser(db, { agency, roles: ['reviewer'] })
    const { token } = await createSession(db, reviewer.id)

    const pageUrl = `http://127.0.0.1:${b.port}/zfxxgk/${agency.id}/tzgg/`
    const warm = await fetch(pageUrl)
    expect(warm.status).toBe(200)
    const warmBody = await warm.text()
    expect(warmBody).toContain('已经公开的第一篇')
    expect(warmBody).not.toContain('两个进程之间的新发布')

    const api = await apiClient(a.port, `${SESSION_COOKIE}=${token}`)
    const approved = await api('POST', `/items/${item.id}/approve`)
    expect(approved.status, await approved.clone().text()).toBe(200)
    const publishedAt = Date.now()
    // A itself: immediate.
    expect(await (await fetch(`http://127.0.0.1:${a.port}/zfxxgk/${agency.id}/tzgg/`)).text()).toContain(
      '两个进程之间的新发布',
    )
    let fresh = false
    while (!fresh && Date.now() - publishedAt < 1_000) {
      fresh = (await (await fetch(pageUrl)).text()).includes('两个进程之间的新发布')
      if (!fresh) await new Promise((r) => setTimeout(r, 20))
    }
    const ms = Date.now() - publishedAt
    expect(fresh, `B still served the cached page after ${ms} ms\n${b.output()}`).toBe(true)
    expect(ms).toBeLessThan(1_000)
  }, 60_000)

  it(
    'a per-IP limit of 3 tracking lookups an hour holds across both processes',
    { timeout: 30_000 },
    async () => {
      const lookUp = async (p: ServeProcess) =>
        (
          await fetch(`http://127.0.0.1:${p.port}/ysqgk/track`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'code=X&phone=1',
          })
        ).status
      if (Date.now() % 3_600_000 > 3_590_000) {
        await new Promise((r) => setTimeout(r, 3_600_000 - (Date.now() % 3_600_000)))
      }
      const statuses = [await lookUp(a), await lookUp(b), await lookUp(a), await lookUp(b), await lookUp(a)]
      // Three lookups are let through (refused for their missing form key, which is not the point here).
      expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true)
      expect(statuses.slice(3)).toEqual([429, 429])
    },
  )

  it('a per-IP limit of 3 searches a minute holds across both processes', async () => {
    const search = async (p: ServeProcess) =>
      (await fetch(`http://127.0.0.1:${p.port}/search?q=${encodeURIComponent('通知')}`)).status
    // Inside one minute window (the windows are aligned to the minute): wait if it is about to turn.
    if (Date.now() % 60_000 > 55_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000)))
    const statuses = [await search(a), await search(b), await search(a), await search(b), await search(a)]
    expect(statuses).toEqual([200, 200, 200, 429, 429])
  }, 30_000)

  it('a logout through process A is honoured by process B within 2 s (its session cache)', async () => {
    const db = cluster.db
    const { user } = await buildUser(db, { roles: ['publisher'] })
    const { token } = await createSession(db, user.id)
    const cookie = `${SESSION_COOKIE}=${token}`
    const whoAmI = async () =>
      (await fetch(`http://127.0.0.1:${b.port}/api/v1/session`, { headers: { cookie } })).status
    expect(await whoAmI()).toBe(200)
    const api = await apiClient(a.port, cookie)
    expect((await api('DELETE', '/session')).status).toBe(204)
    const loggedOutAt = Date.now()
    while ((await whoAmI()) === 200 && Date.now() - loggedOutAt < 5_000) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await whoAmI()).toBe(401)
    expect(Date.now() - loggedOutAt).toBeLessThan(2_500)
  })

  it('views counted by both processes add up in the database (runs last: stops both)', async () => {
    const db = cluster.db
    const agency = await buildAgency(db)
    const column = await buildColumn(db, agency, { slug: 'llcs' })
    const item = await buildItem(db, column, { viewCount: 100 })
    const browser = {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36',
    }
    const view = async (p: ServeProcess) =>
      expect(
        (
          await fetch(`http://127.0.0.1:${p.port}/zfxxgk/${agency.id}/llcs/${item.id}.html`, {
            headers: browser,
          })
        ).status,
      ).toBe(200)
    for (let i = 0; i < 5; i += 1) await view(a)
    for (let i = 0; i < 7; i += 1) await view(b)
    // SIGTERM writes each process's pending counts before it exits.
    await Promise.all([a.stop(), b.stop()])
    const row = await db
      .selectFrom('catalogue_items')
      .select('view_count')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow()
    expect(row.view_count, a.output() + b.output()).toBe(112)
  })
})
