// What the catalogue reads about an agency (the accounts module owns the table): its path for policy
// decisions, its name (default 发布机构), kind (default columns) and codes (索引号).
import type { AgencyKind } from '../accounts/index.ts'
import type { DB } from '../storage/index.ts'
import type { CatalogueScope } from './catalogue.policy.ts'

export interface AgencyRef {
  readonly id: number
  readonly path: string
  readonly name: string
  readonly kind: AgencyKind
  readonly creditCode: string | null
  readonly orgCode: string | null
}

export async function findAgencyRef(db: DB, id: number): Promise<AgencyRef | undefined> {
  const row = await db
    .selectFrom('agencies')
    .select(['id', 'path', 'name', 'kind', 'credit_code', 'org_code'])
    .where('id', '=', id)
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      path: row.path,
      name: row.name,
      kind: row.kind as AgencyKind,
      creditCode: row.credit_code,
      orgCode: row.org_code,
    }
  )
}

/** Ids of the agencies a scope admits (for `agency_id in (…)` filters of console lists). */
export async function scopedAgencyIds(db: DB, scope: CatalogueScope): Promise<number[]> {
  let q = db.selectFrom('agencies').select('id')
  if (!scope.all) {
    const { subtreePaths, agencyIds } = scope
    if (subtreePaths.length === 0 && agencyIds.length === 0) return []
    q = q.where((eb) =>
      eb.or([
        ...subtreePaths.map((p) => eb('path', 'like', `${p}%`)),
        ...(agencyIds.length > 0 ? [eb('id', 'in', agencyIds)] : []),
      ]),
    )
  }
  return (await q.execute()).map((r) => r.id)
}
