// The User and Actor types. An Actor is the authenticated user as the policy sees it.
import type { Role } from './role.ts'

/** A platform account. Never carries the password hash. */
export interface User {
  readonly id: number
  readonly agencyId: number
  /** Name and path of the user's agency, for lists and for policy decisions about this account. */
  readonly agencyName: string
  readonly agencyPath: string
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  /** A generated password was issued: the user must choose a new one before doing anything else. */
  readonly mustChangePassword: boolean
  readonly disabled: boolean
  readonly lastLoginAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** Who is acting: the logged-in user with what the policy needs to decide. */
export interface Actor {
  readonly userId: number
  readonly username: string
  readonly displayName: string
  readonly agencyId: number
  /** Materialised path of the actor's agency (`/1/4/`), for subtree decisions without a query. */
  readonly agencyPath: string
  readonly agencyName: string
  readonly roles: readonly Role[]
  readonly mustChangePassword: boolean
}

/** One entry of the audit log. */
export interface AuditEntry {
  readonly id: number
  readonly occurredAt: string
  readonly actorUserId: number | null
  readonly actorUsername: string | null
  /** The agency the change concerns. */
  readonly agencyId: number | null
  readonly action: string
  readonly targetType: string
  readonly targetId: string | null
  /** The target before the change (null for a creation), as stored JSON parsed back. */
  readonly before: unknown
  /** The target after the change. */
  readonly after: unknown
}

/**
 * The actor for commands run by the operator at the machine (`gongkai user add` …): full rights, recorded in
 * the audit log under `system:<label>` with no user id.
 */
export function systemActor(label: string): Actor {
  return {
    userId: 0,
    username: `system:${label}`,
    displayName: label,
    agencyId: 0,
    agencyPath: '/',
    agencyName: '',
    roles: ['platform_admin'],
    mustChangePassword: false,
  }
}

/** True for the actor of `systemActor`. */
export function isSystemActor(actor: Actor): boolean {
  return actor.userId === 0
}
