// SQL of the shared rate-limit counters: one atomic upsert per counted request (both engines), and the
// deletion of windows that have ended.
import { sql } from 'kysely'
import type { DB } from '../../storage/index.ts'
import { engineOf } from '../../storage/index.ts'

/**
 * Count one hit in the window `key` (ending at `expiresAt`); returns the window's count including it. On
 * PostgreSQL the commit does not wait for the WAL flush (synchronous_commit off for this transaction only): a
 * counter lost in a crash costs nothing, and the flush would add milliseconds to every counted request.
 */
export async function countHit(db: DB, key: string, expiresAt: string): Promise<number> {
  const upsert = (trx: DB) =>
    trx
      .insertInto('rate_limit_hits')
      .values({ key, count: 1, expires_at: expiresAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ count: eb(eb.ref('rate_limit_hits.count'), '+', 1) })),
      )
      .returning('count')
      .executeTakeFirstOrThrow()
  if (engineOf(db) !== 'postgres') return Number((await upsert(db)).count)
  return db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx)
    return Number((await upsert(trx)).count)
  })
}

/** The window's count without counting (0 when there is none). */
export async function readHits(db: DB, key: string): Promise<number> {
  const row = await db.selectFrom('rate_limit_hits').select('count').where('key', '=', key).executeTakeFirst()
  return Number(row?.count ?? 0)
}

/** Delete windows that ended before `now`; returns how many. */
export async function pruneHits(db: DB, now: string): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hits').where('expires_at', '<', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
