// Vitest globalSetup of the two database projects: migrate once per run into a template, so each test file
// gets its fresh database as a copy of the template instead of running every migration itself
// (test/create-test-db.ts). The migration tests still migrate from empty (`useTestDb({ fromEmpty: true })`).
// - SQLite: a migrated `:memory:` database, serialized to a temporary file; each file deserializes it into a
//   new `:memory:` database of its own.
// - PostgreSQL: a migrated schema, dumped with `pg_dump` (schema, data of the migration bookkeeping) into one
//   SQL script that each file runs in a single round trip under its own schema name. Without a usable
//   `pg_dump` (not installed, or older than the server) each file runs the migrations as before.
// Every PostgreSQL schema of the run is named with the run's prefix and dropped once, at the end of the run:
// dropping a schema while another file's Kysely migrator introspects every schema of the database fails that
// migrator with "schema … does not exist", so nothing is dropped while files run in parallel.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import type { Database } from '../src/storage/database.ts'
import { connect, migrateToLatest } from '../src/storage/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: file holding the serialized migrated template (null: migrate per file). */
    gongkaiSqliteTemplate: string | null
    /** PostgreSQL: SQL creating a migrated schema named SCHEMA_PLACEHOLDER (null: migrate per file). */
    gongkaiPgTemplate: string | null
    /** PostgreSQL: prefix of every schema this run creates, dropped in teardown (null on SQLite). */
    gongkaiPgRunPrefix: string | null
  }
}

export const SCHEMA_PLACEHOLDER = '__gongkai_test_schema__'
const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function adminQuery<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await client.query<R>(text)
  } finally {
    await client.end()
  }
}

async function buildSqliteTemplate(): Promise<string> {
  const sqlite = new SQLite(':memory:')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrateToLatest(db)
    const file = path.join(tmpdir(), `gongkai-test-template-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`)
    writeFileSync(file, sqlite.serialize())
    return file
  } finally {
    await db.destroy()
  }
}

/** The dump of a migrated schema as one script, the schema's name replaced by SCHEMA_PLACEHOLDER; null without pg_dump. */
async function buildPgTemplate(prefix: string): Promise<string | null> {
  const schema = `${prefix}template`
  await adminQuery(`create schema ${schema}`)
  const db = await connect({ database: { engine: 'postgres', url: PG_URL } }, { pgSchema: schema, pgPoolSize: 1 })
  await db.destroy()
  try {
    const { stdout } = await promisify(execFile)(
      'pg_dump',
      ['--dbname', PG_URL, '--schema', schema, '--inserts', '--no-owner', '--no-privileges'],
      { maxBuffer: 64 * 1024 * 1024 },
    )
    // psql meta-commands (`\restrict` in recent dumps) are not SQL.
    const script = stdout
      .split('\n')
      .filter((line) => !line.startsWith('\\'))
      .join('\n')
    return script.split(schema).join(SCHEMA_PLACEHOLDER)
  } catch (err) {
    console.warn(
      `pg_dump unavailable (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): ` +
        'each PostgreSQL test file runs the migrations itself',
    )
    return null
  } finally {
    // Dropped now, before any file runs: a drop while a migrator introspects the database fails it.
    await adminQuery(`drop schema ${schema} cascade`)
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.config.env?.GONGKAI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
  if (engine === 'sqlite') {
    const file = await buildSqliteTemplate()
    project.provide('gongkaiSqliteTemplate', file)
    project.provide('gongkaiPgTemplate', null)
    project.provide('gongkaiPgRunPrefix', null)
    return () => {
      rmSync(file, { force: true })
      return Promise.resolve()
    }
  }
  const prefix = `test_${randomBytes(3).toString('hex')}_`
  project.provide('gongkaiSqliteTemplate', null)
  project.provide('gongkaiPgRunPrefix', prefix)
  let template: string | null = null
  try {
    template = await buildPgTemplate(prefix)
  } catch (err) {
    // PostgreSQL unreachable: the harness skips (or, with GONGKAI_REQUIRE_POSTGRES=1, fails) each file.
    console.warn(`PostgreSQL test template not built: ${err instanceof Error ? err.message : String(err)}`)
  }
  project.provide('gongkaiPgTemplate', template)
  return async () => {
    const { rows } = await adminQuery<{ name: string }>(
      `select nspname as name from pg_namespace where starts_with(nspname, '${prefix}')`,
    ).catch(() => ({ rows: [] as { name: string }[] }))
    // One schema per statement (a single DROP of them all would need a lock per object, beyond
    // max_locks_per_transaction), on two connections at a time.
    const queue = rows.map((r) => r.name)
    const dropNext = async (): Promise<void> => {
      for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        await adminQuery(`drop schema if exists ${name} cascade`)
      }
    }
    await Promise.all([dropNext(), dropNext()])
  }
}
