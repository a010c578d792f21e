// Who may read the audit log. Issue 3 names 机构管理员 and 平台管理员 only; a 监督员 oversees the disclosure work
// (items, cases), not account administration, so it does not read the log.
import type { RoleRule } from './policy-types.ts'

export const AUDIT_RULES = {
  // The target of audit.view is the agency the entries concern.
  'audit.view': {
    platform_admin: ['self', 'own_agency', 'subordinate_agency', 'other_agency'],
    agency_admin: ['own_agency', 'subordinate_agency'],
    supervisor: [],
    publisher: [],
    reviewer: [],
    case_officer: [],
  },
} as const satisfies Record<string, RoleRule>
