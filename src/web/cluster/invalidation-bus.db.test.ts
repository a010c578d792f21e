// LISTEN/NOTIFY between two render caches on one PostgreSQL schema (two processes in miniature: each cache
// with its own bus and listening connection): an invalidation reaches the other cache, is not echoed back,
// and a killed listening connection is re-opened and drops the whole cache. PostgreSQL only.
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINE, describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { PortalCache, etagOf, type CachedPage } from '../portal/portal-cache.ts'
import { invalidationBusCounters, startInvalidationBus, type InvalidationBus } from './invalidation-bus.ts'

const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

function page(text: string): CachedPage {
  const body = Buffer.from(text)
  return { status: 200, contentType: 'text/html; charset=utf-8', body, etag: etagOf(body) }
}

async function until(check: () => boolean, ms = 1_000): Promise<number> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 5))
  }
  return Date.now() - start
}

describe.skipIf(TEST_ENGINE !== 'postgres')('invalidation bus', () => {
  describeDb('render cache invalidation over LISTEN/NOTIFY', () => {
    const t = useTestDb()
    const a = new PortalCache()
    const b = new PortalCache()
    let busA: InvalidationBus
    let busB: InvalidationBus

    beforeAll(async () => {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s ?? ''
      const url = new URL(PG_URL)
      url.searchParams.set('options', `-c search_path=${schema}`)
      busA = await startInvalidationBus({ url: url.toString(), db: t.db, cache: a })
      busB = await startInvalidationBus({ url: url.toString(), db: t.db, cache: b })
    })
    afterAll(async () => {
      await busA.stop()
      await busB.stop()
    })

    it('an invalidation in one cache makes the other stale within a second, and is not echoed back', async () => {
      expect(busA.channel).toMatch(/^gongkai_portal_test_/)
      b.set('/zfxxgk/7/', page('七'), 7, b.snapshot(7))
      b.set('/zfxxgk/8/', page('八'), 8, b.snapshot(8))
      expect(b.get('/zfxxgk/7/')).toBeDefined()
      const before = invalidationBusCounters()
      expect(before).toMatchObject({ buses: 2, listening: 2 })
      a.invalidateAgency(7)
      const ms = await until(() => busB.received === 1)
      expect(ms).toBeLessThan(1_000)
      expect(b.get('/zfxxgk/7/')).toBeUndefined()
      // Other agencies' pages stay cached.
      expect(b.get('/zfxxgk/8/')).toBeDefined()
      // A's own notification came back on its listening connection and was ignored; B did not re-send it.
      await new Promise((r) => setTimeout(r, 100))
      expect(busA.received).toBe(0)
      expect(busB.received).toBe(1)
      // The process-wide counters of GET /metrics: one sent (by A), one applied (by B).
      const after = invalidationBusCounters()
      expect(after.sent - before.sent).toBe(1)
      expect(after.received - before.received).toBe(1)
      expect(after.sendFailures).toBe(before.sendFailures)
    })

    it('a killed listening connection is re-opened, the whole cache dropped, and notifications flow again', async () => {
      b.set('/zfxxgk/9/', page('九'), 9, b.snapshot(9))
      const before = invalidationBusCounters()
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      try {
        // Terminate both listening connections on this schema's channel (A's and B's).
        const killed = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = 'gongkai-invalidation' and query = $1`,
          [`listen "${busB.channel}"`],
        )
        expect(killed.rowCount).toBe(2)
      } finally {
        await admin.end()
      }
      await until(() => busB.resets === 1 && busA.resets === 1, 3_000)
      expect(busB.listening).toBe(true)
      const after = invalidationBusCounters()
      expect(after.losses - before.losses).toBe(2)
      expect(after.reconnects - before.reconnects).toBe(2)
      expect(after.listening).toBe(2)
      expect(b.get('/zfxxgk/9/')).toBeUndefined()
      b.set('/zfxxgk/10/', page('十'), 10, b.snapshot(10))
      a.invalidateAgency(10)
      await until(() => busB.received === 2)
      expect(b.get('/zfxxgk/10/')).toBeUndefined()
    })
  })
})
