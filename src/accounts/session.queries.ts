// SQL for sessions and failed-login counters.
import { sql } from 'kysely'
import { preparedQuery, type DB } from '../storage/index.ts'

export async function insertSession(
  db: DB,
  row: { token_hash: string; user_id: number; created_at: string; last_seen_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

const sessionWithUser = preparedQuery((db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.agency_id',
      'users.must_change_password',
      'users.disabled_at',
      'agencies.path as agency_path',
      'agencies.name as agency_name',
    ])
    .where('sessions.token_hash', '=', tokenHash),
)

/** The session with what an Actor needs of its user and agency, in one query (it runs on every request). */
export async function findSessionWithUser(db: DB, tokenHash: string) {
  return (await sessionWithUser(db, tokenHash))[0]
}

export async function touchSession(db: DB, id: number, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute()
}

export async function deleteSessionByHash(db: DB, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
}

/** End every session of a user, except the one with `keepHash` (the session changing its own password). */
export async function deleteUserSessions(db: DB, userId: number, keepHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepHash !== undefined) q = q.where('token_hash', '!=', keepHash)
  await q.execute()
}

/** Remove sessions past their absolute expiry (idle ones are removed when next presented). */
export async function deleteExpiredSessions(db: DB, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute()
}

export async function findLoginAttempt(db: DB, username: string) {
  return db.selectFrom('login_attempts').selectAll().where('username', '=', username).executeTakeFirst()
}

/**
 * Count one failed login atomically (concurrent attempts cannot lose an increment) and return the new count.
 * A streak whose last failure is before `windowStartIso` starts again at 1.
 */
export async function incrementLoginFailures(
  db: DB,
  username: string,
  nowIso: string,
  windowStartIso: string,
): Promise<number> {
  const row = await db
    .insertInto('login_attempts')
    .values({ username, failure_count: 1, last_failure_at: nowIso, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failure_count: sql<number>`case when login_attempts.last_failure_at < ${windowStartIso} then 1
          else login_attempts.failure_count + 1 end`,
        last_failure_at: nowIso,
      }),
    )
    .returning('failure_count')
    .executeTakeFirstOrThrow()
  return row.failure_count
}

export async function lockUsername(db: DB, username: string, untilIso: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ locked_until: untilIso })
    .where('username', '=', username)
    .execute()
}

export async function clearLoginFailures(db: DB, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute()
}
