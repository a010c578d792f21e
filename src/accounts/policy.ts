// The policy kernel: one decision function over the rule tables of agency/user/audit policies.
//
// Example:
// ```ts
// authorize(actor, 'user.reset_password', userTarget(user, agency.path)) // throws DomainError('forbidden')
// if (can(actor, 'agency.update', agencyTarget(agency))) …
// const scope = listScope(actor, 'user.view')                           // → where clause in *.queries.ts
// ```
import { DomainError } from '../shared/domain-error.ts'
import { AGENCY_RULES } from './agency.policy.ts'
import { isInSubtree } from './agency.ts'
import { AUDIT_RULES } from './audit.policy.ts'
import type { Action, PolicyTarget, Relation, RoleRule } from './policy-types.ts'
import type { Actor, User } from './user.ts'
import { PLATFORM_ADMIN_PROTECTED, USER_RULES } from './user.policy.ts'

/** Action × role → relations under which the role may act: the single source of every decision. */
export const POLICY_MATRIX: Readonly<Record<Action, RoleRule>> = {
  ...AGENCY_RULES,
  ...USER_RULES,
  ...AUDIT_RULES,
}

export const ACTIONS = Object.keys(POLICY_MATRIX) as Action[]

/** How `target` stands relative to `actor` (a user in the actor's own agency is both `self` and `own_agency`). */
export function relationsOf(actor: Actor, target: PolicyTarget): Relation[] {
  const out: Relation[] = []
  if (target.userId !== undefined && target.userId === actor.userId) out.push('self')
  if (target.agencyId === actor.agencyId) out.push('own_agency')
  else if (isInSubtree(target.agencyPath, actor.agencyPath)) out.push('subordinate_agency')
  else out.push('other_agency')
  return out
}

/** May `actor` perform `action` on `target`? */
export function can(actor: Actor, action: Action, target: PolicyTarget): boolean {
  const isPlatformAdmin = actor.roles.includes('platform_admin')
  if (
    !isPlatformAdmin &&
    target.roles?.includes('platform_admin') &&
    PLATFORM_ADMIN_PROTECTED.includes(action)
  ) {
    return false
  }
  const relations = relationsOf(actor, target)
  const rule = POLICY_MATRIX[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** Assert that `actor` may perform `action` on `target`. @throws DomainError('forbidden') */
export function authorize(actor: Actor, action: Action, target: PolicyTarget): asserts actor is Actor {
  if (!can(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}

/** Every action with whether `actor` may perform it on `target`, for the UI to show only what is allowed. */
export function abilities(actor: Actor, target: PolicyTarget): Readonly<Record<Action, boolean>> {
  return Object.fromEntries(ACTIONS.map((a) => [a, can(actor, a, target)])) as Record<Action, boolean>
}

/**
 * Which rows a list may show for `action`, as data (the `*.queries.ts` turn it into a where clause, see
 * `agencyScopeWhere`). Relies on the matrix invariant that `subordinate_agency` never appears without
 * `own_agency`, so a subtree is always "this agency and everything below".
 */
export interface ListScope {
  /** No restriction. */
  readonly all: boolean
  /** Rows whose agency path starts with one of these. */
  readonly subtreePaths: readonly string[]
  /** Rows of exactly these agencies. */
  readonly agencyIds: readonly number[]
  /** Rows of exactly these user accounts (for lists of users). */
  readonly userIds: readonly number[]
}

export function listScope(actor: Actor, action: Action): ListScope {
  const rels = new Set(actor.roles.flatMap((role) => POLICY_MATRIX[action][role]))
  return {
    all: rels.has('other_agency'),
    subtreePaths: rels.has('subordinate_agency') ? [actor.agencyPath] : [],
    agencyIds: rels.has('own_agency') ? [actor.agencyId] : [],
    userIds: rels.has('self') ? [actor.userId] : [],
  }
}

/** The policy target for an agency. */
export function agencyTarget(agency: { id: number; path: string }): PolicyTarget {
  return { agencyId: agency.id, agencyPath: agency.path }
}

/** The policy target for a user account, given its agency's path. */
export function userTarget(user: Pick<User, 'id' | 'agencyId' | 'agencyPath' | 'roles'>): PolicyTarget {
  return { agencyId: user.agencyId, agencyPath: user.agencyPath, userId: user.id, roles: user.roles }
}
