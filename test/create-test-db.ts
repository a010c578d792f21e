// A migrated database per test file, on the engine the vitest project names (GONGKAI_TEST_DB):
// SQLite `:memory:`, or a fresh PostgreSQL schema. Each is a copy of the template the project's globalSetup
// migrated once for the run (test/global-setup.ts); `fromEmpty` runs the real migrations instead. A schema is
// dropped with the run's other schemas when the run ends (or right away outside the database projects).
// When PostgreSQL is unreachable its tests are skipped with a message, unless GONGKAI_REQUIRE_POSTGRES=1 (CI),
// where that is a failure.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import SQLite from 'better-sqlite3'
import { Kysely, sql, SqliteDialect } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { withStatementCache } from '../src/storage/connect.ts'
import type { Database } from '../src/storage/database.ts'
import { connect } from '../src/storage/index.ts'
import type { DB, Engine } from '../src/storage/index.ts'
import { SCHEMA_PLACEHOLDER } from './global-setup.ts'

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
  /** Close the connection (the run's globalSetup drops PostgreSQL schemas when the run ends). */
  destroy(): Promise<void>
}

export interface TestDbOptions {
  /** Run every migration on the empty database instead of copying the migrated template (migration tests). */
  readonly fromEmpty?: boolean
}

let sqliteTemplate: Buffer | undefined

/**
 * A new `:memory:` database holding a copy of the migrated template, with the connection settings of
 * `openSqlite` (WAL and synchronous do not apply to memory databases; foreign keys and busy_timeout do).
 */
function sqliteFromTemplate(file: string): DB {
  sqliteTemplate ??= readFileSync(file)
  const sqlite = new SQLite(sqliteTemplate)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
}

/** `inject` outside a vitest project with the globalSetup (e.g. a file run by its own config): undefined. */
function provided<K extends 'gongkaiSqliteTemplate' | 'gongkaiPgTemplate' | 'gongkaiPgRunPrefix'>(key: K) {
  try {
    return inject(key) ?? null
  } catch {
    return null
  }
}

/**
 * Run a first statement: Kysely opens its driver on the first query, and `destroy()` of a driver never
 * opened does nothing, so a copied database nobody queried would stay usable after `destroy()` (the
 * migrations ran a query on every database before the template existed).
 */
async function opened(db: DB): Promise<DB> {
  await sql`select 1`.execute(db)
  return db
}

/** A fresh, migrated database for one test file. */
export async function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  if (TEST_ENGINE === 'sqlite') {
    const template = options.fromEmpty ? null : provided('gongkaiSqliteTemplate')
    const db =
      template === null
        ? await connect({ database: { engine: 'sqlite', file: ':memory:' } })
        : await opened(sqliteFromTemplate(template))
    return { db, engine: 'sqlite', destroy: () => db.destroy() }
  }
  if (postgresUnavailable !== null) {
    throw new Error(`PostgreSQL unreachable at ${PG_URL}: ${postgresUnavailable}`)
  }
  const runPrefix = provided('gongkaiPgRunPrefix')
  const schema = `${runPrefix ?? 'test_'}${process.pid}_${randomBytes(4).toString('hex')}`
  const script = options.fromEmpty ? null : provided('gongkaiPgTemplate')
  await adminQuery(script === null ? `create schema ${schema}` : script.split(SCHEMA_PLACEHOLDER).join(schema))
  const db = await connect(
    { database: { engine: 'postgres', url: PG_URL } },
    { pgSchema: schema, pgPoolSize: 3, migrate: script === null },
  )
  await opened(db)
  return {
    db,
    engine: 'postgres',
    destroy: async () => {
      await db.destroy()
      if (runPrefix === null) await adminQuery(`drop schema ${schema} cascade`)
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
export function useTestDb(options: TestDbOptions = {}): { readonly db: DB; readonly engine: Engine } {
  let current: TestDb | undefined
  beforeAll(async () => {
    current = await createTestDb(options)
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
