// Who may do what with 依申请公开 cases, in the shape of the accounts policy: a rule table (action × role →
// relations) read by one decision function. The accounts kernel's `Action` union is closed, so applications
// keep their own table (as catalogue/ does) and reuse the kernel's `relationsOf`.
//
// Example:
// ```ts
// authorizeApplication(actor, 'application.handle', caseTarget(row))
// const scope = applicationScope(actor, 'application.view') // → where clause in application.queries.ts
// ```
import { relationsOf } from '../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../accounts/index.ts'
import { DomainError } from '../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const OWN: readonly Relation[] = ['own_agency']
const NONE: readonly Relation[] = []

export const APPLICATION_RULES = {
  // Read cases (masked personal data): the agency's 依申请办理员, its administrators, 监督员 over the subtree.
  'application.view': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
  },
  // Record intake and every step of the case.
  'application.handle': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
  },
  // See the applicant's ID number and contact details in full: the case's officer (checked in
  // `mayRevealApplicant`) and the administrators above it; every full view is audited.
  'application.reveal_applicant': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
  },
  // Edit the letter templates and settings (letter number prefix, review body).
  'application.manage_letters': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
  },
} as const satisfies Record<string, RoleRule>

/** Every action the applications policy decides. */
export type ApplicationAction = keyof typeof APPLICATION_RULES

export const APPLICATION_ACTIONS = Object.keys(APPLICATION_RULES) as ApplicationAction[]

/** The policy target of a case (or of an agency, for intake and templates). */
export function caseTarget(row: { agencyId: number; agencyPath: string }): PolicyTarget {
  return { agencyId: row.agencyId, agencyPath: row.agencyPath }
}

/** May `actor` perform `action` on a case or agency `target`? */
export function canApplication(actor: Actor, action: ApplicationAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = APPLICATION_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** Assert that `actor` may perform `action`. @throws DomainError('forbidden') */
export function authorizeApplication(actor: Actor, action: ApplicationAction, target: PolicyTarget): void {
  if (!canApplication(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}

/**
 * Full personal data: administrators above the case, or a 依申请办理员 of the agency who is the case's officer
 * (or any of them while the case has no officer yet).
 */
export function mayRevealApplicant(actor: Actor, target: PolicyTarget, officerId: number | null): boolean {
  if (!canApplication(actor, 'application.reveal_applicant', target)) return false
  const isAdmin = actor.roles.some((r) => r === 'platform_admin' || r === 'agency_admin')
  if (isAdmin) return true
  return officerId === null || officerId === actor.userId
}

/** Every applications action with whether `actor` may perform it on `target`, for the UI. */
export function applicationAbilities(
  actor: Actor,
  target: PolicyTarget,
): Readonly<Record<ApplicationAction, boolean>> {
  return Object.fromEntries(APPLICATION_ACTIONS.map((a) => [a, canApplication(actor, a, target)])) as Record<
    ApplicationAction,
    boolean
  >
}

/** Which agencies' cases a list may show for `action`, as data for the queries. */
export interface ApplicationScope {
  readonly all: boolean
  readonly subtreePaths: readonly string[]
  readonly agencyIds: readonly number[]
}

export function applicationScope(actor: Actor, action: ApplicationAction): ApplicationScope {
  const rels = new Set<Relation>(
    actor.roles.flatMap((role): readonly Relation[] => APPLICATION_RULES[action][role]),
  )
  return {
    all: rels.has('other_agency'),
    subtreePaths: rels.has('subordinate_agency') ? [actor.agencyPath] : [],
    agencyIds: rels.has('own_agency') ? [actor.agencyId] : [],
  }
}
