// Sessions: create at login, resolve on every request, destroy at logout.
import type { DB } from '../../storage/index.ts'
import { isoNow, isoPlus } from '../../storage/index.ts'
import { findAgency } from '../agency.queries.ts'
import { deleteSessionByHash, findSessionByHash, insertSession, touchSession } from '../session.queries.ts'
import {
  DEFAULT_IDLE_MINUTES,
  DEFAULT_MAX_HOURS,
  hashSessionToken,
  newSessionToken,
  TOUCH_INTERVAL_MS,
  type SessionPolicy,
} from '../session-token.ts'
import { findUser } from '../user.queries.ts'
import type { Actor, User } from '../user.ts'

/** The actor a user acts as. */
export async function actorFor(db: DB, user: User): Promise<Actor> {
  const agency = await findAgency(db, user.agencyId)
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    agencyPath: user.agencyPath,
    agencyName: agency?.name ?? user.agencyName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
  }
}

/** Start a session for a user; returns the token for the cookie and the absolute expiry. */
export async function createSession(
  db: DB,
  userId: number,
  policy: SessionPolicy = {},
): Promise<{ token: string; expiresAt: string }> {
  const now = isoNow(policy.now)
  const token = newSessionToken()
  const expiresAt = isoPlus(now, (policy.maxHours ?? DEFAULT_MAX_HOURS) * 3_600_000)
  await insertSession(db, {
    token_hash: hashSessionToken(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
  })
  return { token, expiresAt }
}

/**
 * The actor behind a session token, or null when the token is unknown, idle too long, past its absolute
 * expiry, or its user is disabled. Expired sessions are deleted when seen. `last_seen_at` is refreshed only
 * when older than a minute, so most requests read and do not write.
 */
export async function resolveSession(
  db: DB,
  token: string,
  policy: SessionPolicy = {},
): Promise<Actor | null> {
  if (token === '') return null
  const tokenHash = hashSessionToken(token)
  const session = await findSessionByHash(db, tokenHash)
  if (!session) return null
  const now = policy.now ?? new Date()
  const idleMs = (policy.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000
  const lastSeen = Date.parse(session.last_seen_at)
  if (now.getTime() >= Date.parse(session.expires_at) || now.getTime() - lastSeen >= idleMs) {
    await deleteSessionByHash(db, tokenHash)
    return null
  }
  const user = await findUser(db, session.user_id)
  if (!user || user.disabled) return null
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) await touchSession(db, session.id, isoNow(now))
  return actorFor(db, user)
}

/** End a session (logout). Unknown tokens are ignored. */
export async function destroySession(db: DB, token: string): Promise<void> {
  await deleteSessionByHash(db, hashSessionToken(token))
}
