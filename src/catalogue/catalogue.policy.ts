// Who may do what in the catalogue, in the shape of the accounts policy: a rule table (action × role →
// relations) read by one decision function. The accounts kernel's `Action` union is closed, so the
// catalogue keeps its own table and reuses the kernel's `relationsOf` for how a target stands to the actor.
//
// Example:
// ```ts
// authorizeCatalogue(actor, 'catalogue.item.review', { agencyId: item.agencyId, agencyPath })
// const agencies = catalogueScope(actor, 'catalogue.item.view') // → where clause in the queries
// ```
import { relationsOf } from '../accounts/index.ts'
import type { Actor, PolicyTarget, Relation, RoleRule } from '../accounts/index.ts'
import { DomainError } from '../shared/domain-error.ts'

const ALL: readonly Relation[] = ['own_agency', 'subordinate_agency', 'other_agency']
const SUBTREE: readonly Relation[] = ['own_agency', 'subordinate_agency']
const OWN: readonly Relation[] = ['own_agency']
const NONE: readonly Relation[] = []

export const CATALOGUE_RULES = {
  // Columns and settings (索引号 scheme, 主题分类): the agency's administrator, and above it.
  'catalogue.column.manage': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
    supervisor: NONE,
  },
  'catalogue.settings.manage': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
    supervisor: NONE,
  },
  // Unpublished items in the console; 监督员 read their subtree.
  'catalogue.item.view': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    publisher: OWN,
    reviewer: OWN,
    case_officer: NONE,
    supervisor: SUBTREE,
  },
  // Draft, edit and submit for review: the agency's 信息发布员.
  'catalogue.item.edit': {
    platform_admin: ALL,
    agency_admin: NONE,
    publisher: OWN,
    reviewer: NONE,
    case_officer: NONE,
    supervisor: NONE,
  },
  // 保密审查: approve (publish now or at a set time) or return with a reason.
  'catalogue.item.review': {
    platform_admin: ALL,
    agency_admin: NONE,
    publisher: NONE,
    reviewer: OWN,
    case_officer: NONE,
    supervisor: NONE,
  },
  // 撤稿 of a published item: its reviewers and the administrators above it.
  'catalogue.item.withdraw': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    publisher: NONE,
    reviewer: OWN,
    case_officer: NONE,
    supervisor: NONE,
  },
  // 有效性 (有效/失效/废止) of a published item: its publishers and the administrators above it.
  'catalogue.item.change_validity': {
    platform_admin: ALL,
    agency_admin: SUBTREE,
    publisher: OWN,
    reviewer: NONE,
    case_officer: NONE,
    supervisor: NONE,
  },
  // Import of pages saved from other sites (`gongkai import pages`): published without 保密审查 here, because
  // the page was already public; so only the platform (the CLI's system actor) may do it.
  'catalogue.item.import': {
    platform_admin: ALL,
    agency_admin: NONE,
    publisher: NONE,
    reviewer: NONE,
    case_officer: NONE,
    supervisor: NONE,
  },
} as const satisfies Record<string, RoleRule>

/** Every action the catalogue policy decides. */
export type CatalogueAction = keyof typeof CATALOGUE_RULES

export const CATALOGUE_ACTIONS = Object.keys(CATALOGUE_RULES) as CatalogueAction[]

/** May `actor` perform `action` on something of the agency `target`? */
export function canCatalogue(actor: Actor, action: CatalogueAction, target: PolicyTarget): boolean {
  const relations = relationsOf(actor, target)
  const rule: RoleRule = CATALOGUE_RULES[action]
  return actor.roles.some((role) => rule[role].some((r) => relations.includes(r)))
}

/** Assert that `actor` may perform `action`. @throws DomainError('forbidden') */
export function authorizeCatalogue(actor: Actor, action: CatalogueAction, target: PolicyTarget): void {
  if (!canCatalogue(actor, action, target)) throw new DomainError('forbidden', '您没有执行此操作的权限')
}

/** Every catalogue action with whether `actor` may perform it on `target`, for the UI. */
export function catalogueAbilities(
  actor: Actor,
  target: PolicyTarget,
): Readonly<Record<CatalogueAction, boolean>> {
  return Object.fromEntries(CATALOGUE_ACTIONS.map((a) => [a, canCatalogue(actor, a, target)])) as Record<
    CatalogueAction,
    boolean
  >
}

/** Which agencies' rows a console list may show for `action`, as data for the queries. */
export interface CatalogueScope {
  readonly all: boolean
  /** Agencies whose path starts with one of these. */
  readonly subtreePaths: readonly string[]
  /** Exactly these agencies. */
  readonly agencyIds: readonly number[]
}

export function catalogueScope(actor: Actor, action: CatalogueAction): CatalogueScope {
  const rels = new Set<Relation>(
    actor.roles.flatMap((role): readonly Relation[] => CATALOGUE_RULES[action][role]),
  )
  return {
    all: rels.has('other_agency'),
    subtreePaths: rels.has('subordinate_agency') ? [actor.agencyPath] : [],
    agencyIds: rels.has('own_agency') ? [actor.agencyId] : [],
  }
}
