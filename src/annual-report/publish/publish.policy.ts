// Who may edit the report builder's draft, publish an agency's annual report, and publish over error findings.
// Publishing is the agency's decision: its 机构管理员 (and those above) and its 信息发布员. Overriding the
// validation gate is for a 机构管理员 only (the rule), with a written reason kept in the audit log.
import { relationsOf } from '../../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const OWN: readonly Relation[] = ['own_agency']
const NONE: readonly Relation[] = []

export const PUBLISH_RULES = {
  'annual_report.edit': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: NONE,
    publisher: OWN,
    reviewer: NONE,
  },
  'annual_report.publish': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: NONE,
    publisher: OWN,
    reviewer: NONE,
  },
  'annual_report.override': {
    platform_admin: NONE,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: NONE,
    publisher: NONE,
    reviewer: NONE,
  },
} as const satisfies Record<string, RoleRule>

export type PublishAction = keyof typeof PUBLISH_RULES

export function canPublish(actor: Actor, action: PublishAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = PUBLISH_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** @throws DomainError('forbidden') */
export function authorizePublish(actor: Actor, action: PublishAction, target: PolicyTarget): void {
  if (!canPublish(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}
