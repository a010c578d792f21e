// The transaction helper. Operations call it around their writes and the audit entry, so one operation is one
// transaction; when the caller already holds a transaction the operation joins it instead of nesting.
import type { Transaction } from 'kysely'
import type { Database, DB } from './database.ts'

/** Run `fn` in a transaction on `db`, or directly in `db` when it already is a transaction. */
export async function withTransaction<T>(db: DB, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>)
  return db.transaction().execute(fn)
}
