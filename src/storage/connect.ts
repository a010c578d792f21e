// Opening the database named by the configuration: embedded SQLite (default) or PostgreSQL.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { SqliteDatabase } from 'kysely'
import { createRequire } from 'node:module'
import type Pg from 'pg'
import type { Config, DatabaseConfig } from '../config.ts'
import type { Database, DB } from './database.ts'
import { migrateToLatest } from './migrate.ts'

export interface ConnectOptions {
  /** Apply pending migrations before returning (default true: the platform migrates itself at start). */
  readonly migrate?: boolean
  /** PostgreSQL only: put this schema first on the search path (the test helper's per-file schema). */
  readonly pgSchema?: string
  /** PostgreSQL only: pool size (default 10). */
  readonly pgPoolSize?: number
  /** PostgreSQL statement_timeout and SQLite busy_timeout in ms (default: the config's limit, else 5 s / none). */
  readonly queryTimeoutMs?: number
}

/**
 * Open SQLite with the settings the platform relies on.
 * - WAL: readers never block the writer, so page views continue during a publication.
 * - synchronous=FULL: every commit is fsynced. With NORMAL a power cut can drop the last commits; here a lost
 *   commit may be a received application whose receipt date starts a statutory clock (条例 第三十三条), and
 *   writes are human-paced (a few per second at most), so the fsync per commit is cheap insurance.
 * - foreign_keys on (SQLite defaults to off); busy_timeout so a second process (the CLI) waits, not fails.
 */
export function openSqlite(file: string, busyTimeoutMs = 5000): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`)
  return sqlite
}

/**
 * Kysely asks the driver to prepare every query afresh; preparing costs more than running most of our
 * indexed lookups. Keep prepared statements by SQL text (queries are built with bound parameters, so the set
 * of texts is small) in a bounded map, oldest out first. SQLite re-prepares a cached statement itself after
 * a schema change, and Kysely runs one query at a time on its single connection, so sharing is safe.
 */
export function withStatementCache(sqlite: SQLite.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => {
      statements.clear()
      sqlite.close()
    },
    prepare: (text: string) => {
      let statement = statements.get(text)
      if (statement === undefined) {
        statement = sqlite.prepare(text)
        if (statements.size >= limit) {
          const oldest = statements.keys().next().value
          if (oldest !== undefined) statements.delete(oldest)
        }
        statements.set(text, statement)
      }
      return statement
    },
  }
}

const require = createRequire(import.meta.url)
let pgModule: typeof Pg | undefined

/** The `pg` driver, loaded only when PostgreSQL is configured (it is ~10 MB resident that SQLite never needs). */
function pgDriver(): typeof Pg {
  if (pgModule === undefined) {
    pgModule = require('pg') as typeof Pg
    // PostgreSQL returns int8 (count(*), sum) as strings to avoid precision loss; every count we read is small.
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (v) => Number(v))
  }
  return pgModule
}

function createDialect(database: DatabaseConfig, options: ConnectOptions): SqliteDialect | PostgresDialect {
  if (database.engine === 'sqlite') {
    return new SqliteDialect({
      database: withStatementCache(openSqlite(database.file, options.queryTimeoutMs)),
    })
  }
  const pool = new (pgDriver().Pool)({
    connectionString: database.url,
    max: options.pgPoolSize ?? 10,
    // A runaway query is cancelled by the server instead of holding a pooled connection for ever.
    ...(options.queryTimeoutMs === undefined ? {} : { statement_timeout: options.queryTimeoutMs }),
    ...(options.pgSchema === undefined ? {} : { options: `-c search_path=${options.pgSchema}` }),
  })
  return new PostgresDialect({ pool })
}

/** A Kysely instance on the configured engine, without migrating. */
export function openDatabase(database: DatabaseConfig, options: ConnectOptions = {}): DB {
  return new Kysely<Database>({ dialect: createDialect(database, options) })
}

/**
 * Connect to the configured database and bring its schema up to date. Close it with `db.destroy()`.
 *
 * Example:
 * ```ts
 * const db = await connect(loadConfig(process.env))
 * ```
 */
export async function connect(
  config: Pick<Config, 'database'> & Partial<Pick<Config, 'limits'>>,
  options: ConnectOptions = {},
): Promise<DB> {
  const queryTimeoutMs = options.queryTimeoutMs ?? config.limits?.queryTimeoutMs
  const db = openDatabase(config.database, {
    ...options,
    ...(queryTimeoutMs === undefined ? {} : { queryTimeoutMs }),
  })
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db)
    } catch (err) {
      await db.destroy()
      throw err
    }
  }
  return db
}
