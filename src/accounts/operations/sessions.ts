// Sessions: create at login, resolve on every request, destroy at logout.
import type { DB } from '../../storage/index.ts'
import { isoNow, isoPlus } from '../../storage/index.ts'
import { deleteSessionByHash, findSessionWithUser, insertSession, touchSession } from '../session.queries.ts'
import {
  DEFAULT_IDLE_MINUTES,
  DEFAULT_MAX_HOURS,
  hashSessionToken,
  newSessionToken,
  TOUCH_INTERVAL_MS,
  type SessionPolicy,
} from '../session-token.ts'
import { findRoles } from '../user.queries.ts'
import type { Actor, User } from '../user.ts'

/** The actor a user acts as. */
export function actorFor(user: User): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    agencyPath: user.agencyPath,
    agencyName: user.agencyName,
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
  // Two indexed reads per request: the session with its user and agency, then the user's roles.
  const session = await findSessionWithUser(db, tokenHash)
  if (!session) return null
  const now = policy.now ?? new Date()
  const idleMs = (policy.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000
  const lastSeen = Date.parse(session.last_seen_at)
  if (now.getTime() >= Date.parse(session.expires_at) || now.getTime() - lastSeen >= idleMs) {
    await deleteSessionByHash(db, tokenHash)
    return null
  }
  if (session.disabled_at !== null) return null
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) await touchSession(db, session.session_id, isoNow(now))
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    agencyId: session.agency_id,
    agencyPath: session.agency_path,
    agencyName: session.agency_name,
    roles: await findRoles(db, session.user_id),
    mustChangePassword: session.must_change_password === 1,
  }
}

/** End a session (logout). Unknown tokens are ignored. */
export async function destroySession(db: DB, token: string): Promise<void> {
  await deleteSessionByHash(db, hashSessionToken(token))
}
