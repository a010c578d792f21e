// Vocabulary of the policy kernel: actions, how a target relates to the actor, and the rule table shape.
import type { Role } from './role.ts'

/** Every action the accounts policy decides. Other modules add theirs in their own `*.policy.ts`. */
export type Action =
  | 'agency.view'
  | 'agency.create'
  | 'agency.update'
  | 'user.view'
  | 'user.create'
  | 'user.update'
  | 'user.reset_password'
  | 'audit.view'

/**
 * Where the target stands relative to the actor. `self` is the actor's own account; `own_agency` the actor's
 * agency; `subordinate_agency` any agency below it in the tree; `other_agency` everything else (superior,
 * sibling, unrelated).
 */
export type Relation = 'self' | 'own_agency' | 'subordinate_agency' | 'other_agency'

export const RELATIONS: readonly Relation[] = ['self', 'own_agency', 'subordinate_agency', 'other_agency']

/**
 * What an action is applied to. For `agency.create` it is the parent agency; for `user.create` the agency the
 * user will belong to; for `audit.view` the agency whose log is read.
 */
export interface PolicyTarget {
  readonly agencyId: number
  readonly agencyPath: string
  /** Set when the target is a user account. */
  readonly userId?: number
  /** Roles the target user holds (a platform administrator can only be managed by another). */
  readonly roles?: readonly Role[]
}

/** For each role, the relations under which it may perform one action. */
export type RoleRule = Readonly<Record<Role, readonly Relation[]>>
