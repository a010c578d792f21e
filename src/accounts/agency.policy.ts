// Who may see and manage agencies.
import type { Relation, RoleRule } from './policy-types.ts'

const ALL: readonly Relation[] = ['self', 'own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']

export const AGENCY_RULES = {
  // Every account may see its own agency (its name and 公开指南 details are public anyway); administrators and
  // supervisors see their whole subtree.
  'agency.view': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: SUBTREE,
    publisher: ['own_agency'],
    reviewer: ['own_agency'],
    case_officer: ['own_agency'],
  },
  // The target of agency.create is the future parent: an agency administrator adds agencies below its own.
  'agency.create': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: [],
    publisher: [],
    reviewer: [],
    case_officer: [],
  },
  'agency.update': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: [],
    publisher: [],
    reviewer: [],
    case_officer: [],
  },
} as const satisfies Record<string, RoleRule>
