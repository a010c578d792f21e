/**
 * Storage: the `Database` type, connecting (SQLite or PostgreSQL), migrations and transactions.
 * SQL lives in each module's `*.queries.ts`; dialect differences live only in `./dialects/`.
 */

/** Every table of every module, as Kysely interfaces. */
export type { Database, DB } from './database.ts'
/** Open the configured database and migrate it (`connect`), or open without migrating (`openDatabase`). */
export { connect, openDatabase, openSqlite } from './connect.ts'
export type { ConnectOptions } from './connect.ts'
/** Apply pending migrations (`migrateToLatest`), undo the last one (`migrateDown`), and the explicit list. */
export { migrateDown, migrateToLatest, MIGRATIONS } from './migrate.ts'
/** Run a function in one transaction, joining the caller's transaction if there is one. */
export { withTransaction } from './transaction.ts'
/** A hot query compiled once per engine and run with new parameter values. */
export { preparedQuery } from './prepared-query.ts'
/** The engine behind a Kysely instance. */
export { engineOf } from './dialects/engine.ts'
export type { Engine } from './dialects/engine.ts'
/** Stored timestamps are ISO-8601 UTC strings; build them only with these. */
export { isoNow, isoPlus } from './dialects/time.ts'
