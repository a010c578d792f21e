// Kysely table interfaces for users, their roles, sessions and failed-login counters.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface UserTable {
  id: Generated<number>
  agency_id: number
  username: string
  display_name: string
  password_hash: string
  /** 1 after a generated password was issued, 0 once the user chose one (integers: no boolean dialect gap). */
  must_change_password: number
  /** Set when an administrator disables the account; disabled users cannot log in. */
  disabled_at: string | null
  password_changed_at: string | null
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export interface UserRoleTable {
  user_id: number
  role: string
}

export interface SessionTable {
  id: Generated<number>
  /** SHA-256 of the session token (hex); the token itself is only ever in the cookie. */
  token_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  /** Absolute expiry, fixed at login. */
  expires_at: string
}

/** Failed logins per username (known or not), for lockout. */
export interface LoginAttemptTable {
  username: string
  failure_count: number
  last_failure_at: string
  locked_until: string | null
}

export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type UserRowUpdate = Updateable<UserTable>
export type SessionRow = Selectable<SessionTable>
