/**
 * Accounts: the agency tree, users and roles, sessions, the policy kernel and the audit log.
 *
 * Every operation takes `(db, actor, input)` (login takes no actor), validates its input with the zod schema
 * next to it (→ DomainError 'invalid_input' with Chinese field messages), checks the policy (→ 'forbidden'),
 * and writes its change and an audit entry in one transaction.
 */

// ── Types ──────────────────────────────────────────────────────────────────────────────────────────────
/** A role (`platform_admin` …), every role in display order, their Chinese labels, and a type guard. */
export { isRole, ROLE_LABELS, ROLES } from './role.ts'
export type { Role } from './role.ts'
/** Agency kinds (人民政府, 街道办事处 …) and their Chinese labels. */
export { AGENCY_KIND_LABELS, AGENCY_KINDS } from './agency-kind.ts'
export type { AgencyKind } from './agency-kind.ts'
/** An agency, its tree node, site identity and 公开指南 contact details; the subtree test on paths. */
export { isInSubtree } from './agency.ts'
export type { Agency, AgencyNode, DisclosureGuideContact, SiteIdentity } from './agency.ts'
/** A user account, the acting user (`Actor`), an audit entry; the actor for operator commands. */
export { isSystemActor, systemActor } from './user.ts'
export type { Actor, AuditEntry, User } from './user.ts'
/** A page of a list. */
export type { Page } from './operations/list-users.ts'

// ── Policy kernel ──────────────────────────────────────────────────────────────────────────────────────
/**
 * `can(actor, action, target)` decides one record; `authorize` is its asserting form (throws
 * DomainError('forbidden')); `abilities` lists every action's decision for the UI; `listScope` is the list
 * filter as data and `agencyScopeWhere` turns it into a Kysely condition; `POLICY_MATRIX` (action × role →
 * relations) is what every decision reads, for permission tests to iterate.
 *
 * Example:
 * ```ts
 * authorize(actor, 'agency.update', agencyTarget(agency))
 * const { items } = await listUsers(db, actor) // already scoped to what the actor may see
 * ```
 */
export {
  abilities,
  ACTIONS,
  agencyTarget,
  authorize,
  can,
  listScope,
  POLICY_MATRIX,
  relationsOf,
  userTarget,
} from './policy.ts'
export type { ListScope } from './policy.ts'
export { RELATIONS } from './policy-types.ts'
export type { Action, PolicyTarget, Relation, RoleRule } from './policy-types.ts'
/** Roles the actor may grant (for the role checkboxes of the user form). */
export { assignableRoles } from './user.policy.ts'
/** A `ListScope` as a SQL condition, for other modules' `*.queries.ts` that scope rows by agency. */
export { agencyScopeWhere } from './scope.queries.ts'
export type { ScopeColumns } from './scope.queries.ts'

// ── Login and sessions ─────────────────────────────────────────────────────────────────────────────────
/** Log in: returns the actor and a session token; throws 'unauthenticated' or 'locked'. */
export { authenticate, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './operations/authenticate.ts'
export type { Authenticated, AuthenticateInput } from './operations/authenticate.ts'
/** End the actor's session and record the logout. */
export { logout } from './operations/logout.ts'
/** Start, resolve (token → Actor | null; cheap, refreshes last-seen at most once a minute) and end sessions. */
export { createSession, destroySession, resolveSession } from './operations/sessions.ts'
export type { SessionPolicy } from './session-token.ts'
export { DEFAULT_IDLE_MINUTES, DEFAULT_MAX_HOURS } from './session-token.ts'
/** Change one's own password (needs the current one); clears the forced-change flag. */
export { changePassword } from './operations/change-password.ts'

// ── Agencies ───────────────────────────────────────────────────────────────────────────────────────────
/** Create an agency under a parent the actor manages. */
export { createAgency } from './operations/create-agency.ts'
/** Update an agency (only the given keys) or move it with its subtree. */
export { updateAgency } from './operations/update-agency.ts'
/** The visible agencies as a tree (`listAgencies`) or flat list; one agency (`getAgency`). */
export { buildAgencyTree, getAgency, listAgencies, listAgenciesFlat } from './operations/list-agencies.ts'
export { CreateAgencySchema, UpdateAgencySchema } from './agency.schema.ts'
export type { CreateAgencyInput, UpdateAgencyInput } from './agency.schema.ts'

// ── Users ──────────────────────────────────────────────────────────────────────────────────────────────
/** Create a user; returns the generated first password (show it once). */
export { createUser } from './operations/create-user.ts'
export type { CreatedUser } from './operations/create-user.ts'
/** Change a user's name, roles, agency or disabled state. */
export { updateUser } from './operations/update-user.ts'
/** Issue a new generated password (the user must change it at next login). */
export { resetPassword } from './operations/reset-password.ts'
/** The visible users, paged (`listUsers`); one user (`getUser`). */
export { getUser, listUsers } from './operations/list-users.ts'
export { ChangePasswordSchema, CreateUserSchema, ListUsersSchema, UpdateUserSchema } from './user.schema.ts'
export type { ChangePasswordInput, CreateUserInput, ListUsersInput, UpdateUserInput } from './user.schema.ts'
/** Password rules (Chinese message or null) and the minimum length. */
export { PASSWORD_MIN_LENGTH, passwordProblem } from './password-rules.ts'

// ── Audit log ──────────────────────────────────────────────────────────────────────────────────────────
/** Read the audit log, scoped by policy and filtered by agency subtree, actor, action and date range. */
export { listAuditLog, ListAuditLogSchema } from './operations/list-audit-log.ts'
export type { ListAuditLogInput } from './operations/list-audit-log.ts'
/** Append an audit entry inside the caller's transaction (for other modules' operations). */
export { recordAudit } from './audit.queries.ts'
export type { AuditRecord } from './audit.queries.ts'

// ── Identity codes ─────────────────────────────────────────────────────────────────────────────────────
/** 统一社会信用代码 / 组织机构代码 validation and the 索引号 prefix of an agency. */
export { indexPrefixCode, isValidCreditCode, isValidOrgCode } from './credit-code.ts'

// ── Demo ───────────────────────────────────────────────────────────────────────────────────────────────
/** On an empty database, create the fictional 示例区 tree with one user per role; returns the admin password. */
export { seedDemo } from './operations/seed-demo.ts'
export type { SeedDemoResult } from './operations/seed-demo.ts'
