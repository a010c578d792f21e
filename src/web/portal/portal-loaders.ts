// Loading what several portal pages share: the agency with its columns, a column by its slug. Anything
// unknown is a DomainError not_found (404 page), never a 500.
import type { Column } from '../../catalogue/column.ts'
import { findColumnBySlug, listAgencyColumns } from '../../catalogue/column.queries.ts'
import { findPortalAgency, type PortalAgency } from '../../catalogue/portal.queries.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'

export function notFound(message = '您访问的页面不存在或已被删除。'): DomainError {
  return new DomainError('not_found', message)
}

export interface AgencyWithColumns {
  readonly agency: PortalAgency
  readonly columns: readonly Column[]
}

/** The agency and its column tree; 404 when it does not exist or has no 专栏. */
export async function loadAgencyColumns(db: DB, agencyId: number): Promise<AgencyWithColumns> {
  const [agency, columns] = await Promise.all([
    findPortalAgency(db, agencyId),
    listAgencyColumns(db, agencyId),
  ])
  if (agency === undefined || columns.length === 0) throw notFound()
  return { agency, columns }
}

/** The agency and one of its columns by slug; 404 when either is unknown. */
export async function loadColumn(
  db: DB,
  agencyId: number,
  slug: string,
): Promise<{ agency: PortalAgency; column: Column }> {
  const [agency, column] = await Promise.all([
    findPortalAgency(db, agencyId),
    findColumnBySlug(db, agencyId, slug),
  ])
  if (agency === undefined || column === undefined) throw notFound()
  return { agency, column }
}

/** The column and its ancestors, root first (breadcrumbs). */
export function columnPath(columns: readonly Column[], column: Column): Column[] {
  const byId = new Map(columns.map((c) => [c.id, c]))
  const path: Column[] = []
  for (let c: Column | undefined = column; c !== undefined && path.length < 16;) {
    path.unshift(c)
    c = c.parentId === null ? undefined : byId.get(c.parentId)
  }
  return path
}
