// Who may compute an agency's annual report, open the records behind a cell, and enter the 表二 figures kept in
// other systems. Reading follows the applications policy (the figures summarise cases; 监督员 read the subtree);
// entering figures is for the agency's 机构管理员 (and those above) and its 信息发布员, who own 主动公开.
import { relationsOf } from '../../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const OWN: readonly Relation[] = ['own_agency']
const NONE: readonly Relation[] = []

export const REPORT_RULES = {
  // Compute the tables and drill down to the records (ids only; opening a case checks its own policy).
  'annual_report.compute': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: OWN,
    supervisor: SUBTREE,
    publisher: OWN,
    reviewer: NONE,
  },
  'annual_report.enter_figures': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: NONE,
    publisher: OWN,
    reviewer: NONE,
  },
  // Sum the subordinate agencies' reports of a supervising office.
  'annual_report.aggregate': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    case_officer: NONE,
    supervisor: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
  },
} as const satisfies Record<string, RoleRule>

export type ReportAction = keyof typeof REPORT_RULES

export function canReport(actor: Actor, action: ReportAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = REPORT_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** @throws DomainError('forbidden') */
export function authorizeReport(actor: Actor, action: ReportAction, target: PolicyTarget): void {
  if (!canReport(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}
