// Who may see and manage user accounts.
import type { Actor } from './user.ts'
import type { Relation, RoleRule } from './policy-types.ts'
import { ROLES, type Role } from './role.ts'

const ALL: readonly Relation[] = ['self', 'own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['self', 'own_agency', 'subordinate_agency']
const NONE: readonly Relation[] = []

export const USER_RULES = {
  'user.view': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: SUBTREE,
    publisher: ['self'],
    reviewer: ['self'],
    case_officer: ['self'],
  },
  // The target of user.create is the agency the new account will belong to.
  'user.create': {
    platform_admin: ALL,
    agency_admin: ['own_agency', 'subordinate_agency'],
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
  },
  'user.update': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
  },
  // Own password changes go through changePassword (which needs the current password), not a reset.
  'user.reset_password': {
    platform_admin: ALL,
    agency_admin: ['own_agency', 'subordinate_agency'],
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
  },
} as const satisfies Record<string, RoleRule>

/** Actions on a user account that a platform administrator's account is protected from. */
export const PLATFORM_ADMIN_PROTECTED: readonly string[] = ['user.update', 'user.reset_password']

/**
 * Roles the actor may grant: a platform administrator grants any; an agency administrator any but
 * platform_admin (otherwise it could lift itself above its subtree); nobody else grants roles.
 */
export function assignableRoles(actor: Actor): readonly Role[] {
  if (actor.roles.includes('platform_admin')) return ROLES
  if (actor.roles.includes('agency_admin')) return ROLES.filter((r) => r !== 'platform_admin')
  return []
}
