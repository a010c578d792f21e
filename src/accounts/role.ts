// Roles and their Chinese labels: the one table every page, CLI and policy reads.

/** A role a user holds within its agency. */
export type Role =
  'platform_admin' | 'agency_admin' | 'publisher' | 'reviewer' | 'case_officer' | 'supervisor'

/** Every role, in the order the console lists them. */
export const ROLES: readonly Role[] = [
  'platform_admin',
  'agency_admin',
  'publisher',
  'reviewer',
  'case_officer',
  'supervisor',
]

/** Chinese label of each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  platform_admin: '平台管理员',
  agency_admin: '机构管理员',
  publisher: '信息发布员',
  reviewer: '保密审查员',
  case_officer: '依申请办理员',
  supervisor: '监督员',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
