// The query timeout of the configuration reaches the engine: PostgreSQL cancels a statement that runs longer
// (statement_timeout on every pooled connection); SQLite waits at most that long for a lock (busy_timeout).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { expect, it } from 'vitest'
import { describeDb, TEST_ENGINE } from '../../test/create-test-db.ts'
import { DEFAULT_LIMITS } from '../config.ts'
import { connect } from './connect.ts'

const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

describeDb('query timeout', () => {
  it('applies GONGKAI_QUERY_TIMEOUT_SECONDS to every query', async () => {
    const limits = { ...DEFAULT_LIMITS, queryTimeoutMs: 300 }
    if (TEST_ENGINE === 'sqlite') {
      const db = await connect(
        { database: { engine: 'sqlite', file: ':memory:' }, limits },
        { migrate: false },
      )
      try {
        const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)
        expect(rows[0]?.timeout).toBe(300)
      } finally {
        await db.destroy()
      }
      return
    }
    const schema = `test_qt_${process.pid}_${randomBytes(3).toString('hex')}`
    await adminQuery(`create schema ${schema}`)
    const db = await connect(
      { database: { engine: 'postgres', url: PG_URL }, limits },
      { migrate: false, pgSchema: schema, pgPoolSize: 2 },
    )
    try {
      const started = Date.now()
      await expect(sql`select pg_sleep(3)`.execute(db)).rejects.toThrow(/statement timeout/)
      expect(Date.now() - started).toBeLessThan(2500)
      // Both pooled connections carry it, and a quick query still runs.
      const [a, b] = await Promise.all([
        sql<{ statement_timeout: string }>`show statement_timeout`.execute(db),
        sql<{ statement_timeout: string }>`show statement_timeout`.execute(db),
      ])
      expect([a.rows[0]?.statement_timeout, b.rows[0]?.statement_timeout]).toEqual(['300ms', '300ms'])
    } finally {
      await db.destroy()
      await adminQuery(`drop schema ${schema} cascade`)
    }
  })
})
