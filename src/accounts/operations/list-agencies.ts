// The agencies the actor may see, as a tree (a visible agency whose parent is hidden becomes a root).
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import type { Agency, AgencyNode } from '../agency.ts'
import { findAgency, listAgencyRows } from '../agency.queries.ts'
import { agencyTarget, authorize, listScope } from '../policy.ts'
import type { Actor } from '../user.ts'

/** Build the forest from agencies sorted by path (parents come before their children). */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map<number, AgencyNode & { children: AgencyNode[] }>()
  const roots: AgencyNode[] = []
  for (const a of agencies) {
    const node = { ...a, children: [] }
    nodes.set(a.id, node)
    const parent = a.parentId === null ? undefined : nodes.get(a.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Every agency the actor may see, as a tree ordered by path. */
export async function listAgencies(db: DB, actor: Actor): Promise<AgencyNode[]> {
  return buildAgencyTree(await listAgencyRows(db, listScope(actor, 'agency.view')))
}

/** Every agency the actor may see, as a flat list ordered by path (for selects). */
export async function listAgenciesFlat(db: DB, actor: Actor): Promise<Agency[]> {
  return listAgencyRows(db, listScope(actor, 'agency.view'))
}

/** One agency. @throws DomainError not_found, forbidden */
export async function getAgency(db: DB, actor: Actor, id: number): Promise<Agency> {
  const agency = await findAgency(db, id)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  authorize(actor, 'agency.view', agencyTarget(agency))
  return agency
}
