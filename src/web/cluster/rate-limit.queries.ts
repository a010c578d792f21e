// SQL of the shared rate-limit counters: one atomic upsert per counted request (both engines), and the
// deletion of windows that have ended.
import { sql } from 'kysely'
import type { DB } from '../../storage/index.ts'
import { engineOf } from '../../storage/index.ts'

/**
 * Count one hit in the window `key` (ending at `expiresAt`); returns the window's count including it. On
 * PostgreSQL it is ONE statement in its own transaction: the row lock is held only while the server runs it,
 * never across a round trip to this process. (As BEGIN / SET LOCAL / upsert / COMMIT, a busy client's row was
 * held until this process's event loop got round to sending the COMMIT; every other request of that client
 * queued behind it, each holding a pool connection, until the pool ran dry and the whole site waited — seconds
 * of p99 in the PostgreSQL soak.) `set_config(…, true)` inside the statement makes its transaction commit
 * without waiting for the WAL flush: a counter lost in a crash costs nothing, and the flush would add
 * milliseconds to every counted request.
 */
export async function countHit(db: DB, key: string, expiresAt: string): Promise<number> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ count: number }>`
      insert into rate_limit_hits (key, count, expires_at)
      select ${key}::text, 1, ${expiresAt}::text
        from (select set_config('synchronous_commit', 'off', true)) as async_commit
      on conflict (key) do update set count = rate_limit_hits.count + 1
      returning count`.execute(db)
    return Number(rows[0]?.count ?? NaN)
  }
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key, count: 1, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ count: eb(eb.ref('rate_limit_hits.count'), '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow()
  return Number(row.count)
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
