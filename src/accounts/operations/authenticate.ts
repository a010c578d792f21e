// Login: check the password, count failures per username and lock after too many, then open a session.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, isoPlus, withTransaction } from '../../storage/index.ts'
import { recordAudit } from '../audit.queries.ts'
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../password-hash.ts'
import {
  clearLoginFailures,
  deleteExpiredSessions,
  findLoginAttempt,
  incrementLoginFailures,
  lockUsername,
} from '../session.queries.ts'
import type { SessionPolicy } from '../session-token.ts'
import { findCredentials, updateUserRow } from '../user.queries.ts'
import type { Actor } from '../user.ts'
import { actorFor, createSession } from './sessions.ts'

/** Failures in a row after which a username is locked, and for how long. */
export const LOCKOUT_THRESHOLD = 10
export const LOCKOUT_MINUTES = 15
// A failure streak older than this is forgotten.
const FAILURE_WINDOW_MS = 24 * 3_600_000

export interface AuthenticateInput {
  readonly username: string
  readonly password: string
}

export interface Authenticated {
  readonly actor: Actor
  /** Goes into the session cookie; only its hash is stored. */
  readonly sessionToken: string
  readonly expiresAt: string
}

const WRONG = '用户名或密码错误'

function lockedMessage(until: string): string {
  const t = new Date(Date.parse(until) + 8 * 3_600_000).toISOString().slice(11, 16)
  return `登录失败次数过多，账号已临时锁定，请于北京时间${t}后再试`
}

/** Record a failure; returns the lock expiry when this failure reaches the threshold. */
async function recordFailure(
  db: DB,
  username: string,
  userAgencyId: number | null,
  now: Date,
): Promise<string | null> {
  return withTransaction(db, async (trx) => {
    const nowIso = isoNow(now)
    const count = await incrementLoginFailures(trx, username, nowIso, isoPlus(nowIso, -FAILURE_WINDOW_MS))
    // At the threshold, and at every further failure (backoff), the username is locked again.
    const lockedUntil = count >= LOCKOUT_THRESHOLD ? isoPlus(nowIso, LOCKOUT_MINUTES * 60_000) : null
    if (lockedUntil) await lockUsername(trx, username, lockedUntil)
    await recordAudit(
      trx,
      null,
      {
        action: lockedUntil ? 'user.login_locked' : 'user.login_failed',
        targetType: 'user',
        targetId: null,
        agencyId: userAgencyId,
        after: { username, failureCount: count, lockedUntil },
      },
      now,
    )
    return lockedUntil
  })
}

/**
 * Log in. @throws DomainError('unauthenticated') for a wrong username or password (the same message for both),
 * DomainError('locked') while the username is locked.
 */
export async function authenticate(
  db: DB,
  input: AuthenticateInput,
  policy: SessionPolicy = {},
): Promise<Authenticated> {
  const now = policy.now ?? new Date()
  const username = input.username.trim().toLowerCase()
  const attempt = await findLoginAttempt(db, username)
  if (attempt?.locked_until && Date.parse(attempt.locked_until) > now.getTime()) {
    throw new DomainError('locked', lockedMessage(attempt.locked_until))
  }
  const found = await findCredentials(db, { username })
  // Verify even for unknown usernames so the response time does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await dummyPasswordHash()))
  if (!found || !ok || found.user.disabled) {
    const lockedUntil = await recordFailure(db, username, found?.user.agencyId ?? null, now)
    if (lockedUntil) throw new DomainError('locked', lockedMessage(lockedUntil))
    throw new DomainError('unauthenticated', found?.user.disabled && ok ? '账号已停用，请联系管理员' : WRONG)
  }
  const rehash = needsRehash(found.passwordHash) ? await hashPassword(input.password) : null
  return withTransaction(db, async (trx) => {
    const user = found.user
    await clearLoginFailures(trx, username)
    await deleteExpiredSessions(trx, isoNow(now))
    await updateUserRow(trx, user.id, {
      last_login_at: isoNow(now),
      ...(rehash ? { password_hash: rehash } : {}),
    })
    const session = await createSession(trx, user.id, { ...policy, now })
    const actor = actorFor(user)
    await recordAudit(
      trx,
      actor,
      { action: 'user.login', targetType: 'user', targetId: user.id, agencyId: user.agencyId },
      now,
    )
    return { actor, sessionToken: session.token, expiresAt: session.expiresAt }
  })
}
