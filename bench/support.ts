// Helpers shared by the benches that generate their data with SQL (kaohe, report-compute): option reading, the
// load average, per-engine SQL fragments and the bench's own database (a kept SQLite file or PostgreSQL database).
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { connect } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'

/** The value after `name` in `args` (e.g. `--engine postgres`). */
export function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The three load averages, for the printed figures. */
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** A day offset → date text, per engine. */
export function dateExpr(engine: string, base: string, days: string): string {
  return engine === 'sqlite'
    ? `date('${base}', '+' || (${days}) || ' days')`
    : `((date '${base}' + (${days})::int)::text)`
}

/** n = 1..count as rows `seq(n)`. */
export function series(engine: string, count: number): string {
  return engine === 'sqlite'
    ? `with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${count})`
    : `with seq(n) as (select generate_series(1, ${count})::bigint)`
}

export interface BenchDatabase {
  /** SQLite: the kept file (its directory is created). */
  readonly sqliteFile: string
  /** PostgreSQL: the bench's own database on the server at `pgBase` (created with psql when absent). */
  readonly pgDatabase: string
  readonly pgBase: string
}

/** The bench's database on `engine`, emptied first when `fresh`. */
export async function openBenchDatabase(
  where: BenchDatabase,
  engine: 'sqlite' | 'postgres',
  fresh: boolean,
): Promise<DB> {
  if (engine === 'sqlite') {
    mkdirSync(where.sqliteFile.slice(0, where.sqliteFile.lastIndexOf('/')), { recursive: true })
    if (fresh) for (const s of ['', '-wal', '-shm']) rmSync(`${where.sqliteFile}${s}`, { force: true })
    return connect({ database: { engine: 'sqlite', file: where.sqliteFile } })
  }
  const url = new URL(where.pgBase)
  const psql = (command: string) =>
    execFileSync(
      'psql',
      [
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        url.username || 'postgres',
        '-d',
        'postgres',
        '-qAtc',
        command,
      ],
      { encoding: 'utf8' },
    ).trim()
  const name = where.pgDatabase
  if (fresh) psql(`drop database if exists ${name}`)
  if (psql(`select 1 from pg_database where datname = '${name}'`) !== '1') psql(`create database ${name}`)
  return connect({ database: { engine: 'postgres', url: `${where.pgBase}/${name}` } })
}
