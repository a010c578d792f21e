// The SQL operations work needs: which tables exist, whether they hold rows, every row of a table (to compare
// a restore with its source), the migration level, and the application counts shown on /metrics.
import { sql } from 'kysely'
import { OPEN_STATUSES } from '../applications/index.ts'
import { engineOf, type DB } from '../storage/index.ts'

/** Kysely's own bookkeeping: present in every migrated database, so never a sign of user data. */
export const MIGRATION_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock']

/** Every base table of the database (SQLite) or of the connection's current schema (PostgreSQL), by name. */
export async function listTables(db: DB): Promise<string[]> {
  if (engineOf(db) === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      db,
    )
    return rows.map((r) => r.name)
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  return rows.map((r) => r.name)
}

/** SQLite's full-text virtual tables: their shadow tables (`<name>_data`, `<name>_config` …) hold rows at once. */
async function virtualTables(db: DB): Promise<string[]> {
  if (engineOf(db) !== 'sqlite') return []
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db)
  return rows.map((r) => r.name)
}

/** Tables (other than the migration bookkeeping and full-text shadow tables) that hold at least one row. */
export async function tablesWithRows(db: DB): Promise<string[]> {
  const found: string[] = []
  const virtual = await virtualTables(db)
  for (const table of await listTables(db)) {
    if (MIGRATION_TABLES.includes(table) || virtual.some((v) => table.startsWith(`${v}_`))) continue
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db)
    if (rows.length > 0) found.push(table)
  }
  return found
}

/** Every row of `table`, each as a plain object (for comparing two databases; not for large production tables). */
export async function allRows(db: DB, table: string): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)
  return rows
}

/** Names of the applied migrations, in order (empty when the database was never migrated). */
export async function appliedMigrations(db: DB): Promise<string[]> {
  if (!(await listTables(db)).includes('kysely_migration')) return []
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return rows.map((r) => r.name)
}

/** Cases still owed an answer, and those of them past their due date (`today`: YYYY-MM-DD, China). */
export async function countOpenApplications(
  db: DB,
  today: string,
): Promise<{ open: number; overdue: number }> {
  const row = await db
    .selectFrom('applications')
    .where('status', 'in', OPEN_STATUSES)
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .executeTakeFirst()
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) }
}

/** The PostgreSQL server's version (`server_version`, e.g. "15.20 (Debian …)"). */
export async function postgresServerVersion(db: DB): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db)
  return rows[0]?.server_version ?? ''
}
