// Who may do what with 行政复议 / 行政诉讼 records: the same roles as 依申请公开 cases (application.policy.ts) —
// the agency's 依申请办理员 and the 机构管理员 above it record them, 监督员 read the subtree.
import { relationsOf } from '../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../accounts/index.ts'
import { DomainError } from '../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const OWN: readonly Relation[] = ['own_agency']
const NONE: readonly Relation[] = []

export const APPEAL_RULES = {
  'appeal.view': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
  },
  'appeal.record': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
  },
} as const satisfies Record<string, RoleRule>

export type AppealAction = keyof typeof APPEAL_RULES

export const APPEAL_ACTIONS = Object.keys(APPEAL_RULES) as AppealAction[]

export function canAppeal(actor: Actor, action: AppealAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = APPEAL_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** @throws DomainError('forbidden') */
export function authorizeAppeal(actor: Actor, action: AppealAction, target: PolicyTarget): void {
  if (!canAppeal(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}

export function appealAbilities(actor: Actor, target: PolicyTarget): Readonly<Record<AppealAction, boolean>> {
  return Object.fromEntries(APPEAL_ACTIONS.map((a) => [a, canAppeal(actor, a, target)])) as Record<
    AppealAction,
    boolean
  >
}
