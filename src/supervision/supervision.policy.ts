// Who may see a supervising office's 考核 overview: its 监督员 and 机构管理员 (for their own office and any
// office below it) and the 平台管理员. Other roles, and anyone from another branch of the tree, may not.
import { relationsOf } from '../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../accounts/index.ts'
import { DomainError } from '../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const NONE: readonly Relation[] = []

export const SUPERVISION_RULES = {
  'supervision.kaohe': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    supervisor: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
  },
} as const satisfies Record<string, RoleRule>

export type SupervisionAction = keyof typeof SUPERVISION_RULES

export function canSupervise(actor: Actor, action: SupervisionAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = SUPERVISION_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** @throws DomainError('forbidden') */
export function authorizeSupervision(actor: Actor, action: SupervisionAction, target: PolicyTarget): void {
  if (!canSupervise(actor, action, target)) {
    throw new DomainError('forbidden', '您没有查看该机构考核情况的权限')
  }
}
