// Session tokens: 256 random bits for the cookie; only their SHA-256 is stored, so a copy of the database
// does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto'

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** How long sessions last. Defaults: 30 minutes idle, 12 hours absolute. */
export interface SessionPolicy {
  readonly idleMinutes?: number
  readonly maxHours?: number
  /** The clock, for tests. */
  readonly now?: Date
}

export const DEFAULT_IDLE_MINUTES = 30
export const DEFAULT_MAX_HOURS = 12
/** last_seen_at is rewritten at most this often, so a page view is not a database write. */
export const TOUCH_INTERVAL_MS = 60_000
