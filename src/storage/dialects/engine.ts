// Which engine a Kysely instance talks to, and the few schema pieces whose SQL differs between them.
// Everything else in migrations and queries is written once with Kysely's builders.
import { PostgresAdapter, sql, SqliteAdapter } from 'kysely'
import type { CreateTableBuilder, Kysely } from 'kysely'

export type Engine = 'sqlite' | 'postgres'

/** The engine behind `db`, read from Kysely's adapter (works inside transactions and migrations too). */
export function engineOf<T>(db: Kysely<T>): Engine {
  const adapter = db.getExecutor().adapter
  if (adapter instanceof SqliteAdapter) return 'sqlite'
  if (adapter instanceof PostgresAdapter) return 'postgres'
  throw new Error('Unsupported database adapter')
}

/**
 * An auto-increment integer primary key: `integer primary key autoincrement` on SQLite (ids never reused),
 * `serial` on PostgreSQL (int4, so `pg` returns numbers, not bigint strings).
 */
export function addIdColumn<T extends string>(
  engine: Engine,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return engine === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey())
}

/** Make `table` append-only: a trigger rejects every UPDATE and DELETE, whoever issues it. */
export async function addAppendOnlyTriggers(db: Kysely<unknown>, table: string): Promise<void> {
  const t = sql.id(table)
  if (engineOf(db) === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${t}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db)
    }
    return
  }
  const fn = sql.id(`${table}_reject_change`)
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db)
  await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${t}
    for each row execute function ${fn}()`.execute(db)
  // TRUNCATE bypasses row triggers; forbid it too.
  await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${t}
    for each statement execute function ${fn}()`.execute(db)
}

/** Undo `addAppendOnlyTriggers` (for a migration's `down`). */
export async function dropAppendOnlyTriggers(db: Kysely<unknown>, table: string): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql`drop trigger if exists ${sql.id(`${table}_no_${op}`)}`.execute(db)
    }
    return
  }
  await sql`drop function if exists ${sql.id(`${table}_reject_change`)}() cascade`.execute(db)
}
