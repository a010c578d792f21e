// A migrated database per test file, on the engine the vitest project names (GONGKAI_TEST_DB):
// SQLite `:memory:`, or a fresh PostgreSQL schema that is dropped afterwards. When PostgreSQL is unreachable
// its tests are skipped with a message, unless GONGKAI_REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { connect } from '../src/storage/index.ts'
import type { DB, Engine } from '../src/storage/index.ts'

export const TEST_ENGINE: Engine = process.env.GONGKAI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const REQUIRE_POSTGRES = process.env.GONGKAI_REQUIRE_POSTGRES === '1'

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can (always null on the SQLite project). */
export const postgresUnavailable: string | null = TEST_ENGINE === 'postgres' ? await probePostgres() : null

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export interface TestDb {
  readonly db: DB
  readonly engine: Engine
  /** Close the connection and, on PostgreSQL, drop the schema. */
  destroy(): Promise<void>
}

/** A fresh, migrated database for one test file. */
export async function createTestDb(): Promise<TestDb> {
  if (TEST_ENGINE === 'sqlite') {
    const db = await connect({ database: { engine: 'sqlite', file: ':memory:' } })
    return { db, engine: 'sqlite', destroy: () => db.destroy() }
  }
  if (postgresUnavailable !== null) {
    throw new Error(`PostgreSQL unreachable at ${PG_URL}: ${postgresUnavailable}`)
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const db = await connect(
    { database: { engine: 'postgres', url: PG_URL } },
    { pgSchema: schema, pgPoolSize: 3 },
  )
  return {
    db,
    engine: 'postgres',
    destroy: async () => {
      await db.destroy()
      await adminQuery(`drop schema ${schema} cascade`)
    },
  }
}

/**
 * `describe` for database tests: skips (with the reason in its name and on stderr) when PostgreSQL is
 * unreachable on the postgres project, fails instead when GONGKAI_REQUIRE_POSTGRES=1.
 */
export function describeDb(name: string, fn: () => void): void {
  if (postgresUnavailable === null) {
    describe(`${name} [${TEST_ENGINE}]`, fn)
    return
  }
  if (REQUIRE_POSTGRES) {
    describe(name, () => {
      throw new Error(
        `GONGKAI_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable at ${PG_URL}: ${postgresUnavailable}`,
      )
    })
    return
  }
  console.warn(`Skipping "${name}": PostgreSQL unreachable at ${PG_URL} (${postgresUnavailable})`)
  describe.skip(`${name} [postgres unreachable: ${postgresUnavailable}]`, fn)
}

/** Register hooks that create the database before the file's tests and destroy it after; read `.db` in tests. */
export function useTestDb(): { readonly db: DB; readonly engine: Engine } {
  let current: TestDb | undefined
  beforeAll(async () => {
    current = await createTestDb()
  })
  afterAll(async () => {
    await current?.destroy()
  })
  return {
    get db(): DB {
      if (!current) throw new Error('useTestDb: the database is created in beforeAll; use it inside tests')
      return current.db
    },
    engine: TEST_ENGINE,
  }
}
