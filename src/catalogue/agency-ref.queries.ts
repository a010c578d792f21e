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

const REF_COLUMNS = ['id', 'path', 'name', 'kind', 'credit_code', 'org_code'] as const

function toAgencyRef(row: {
  id: number
  path: string
  name: string
  kind: string
  credit_code: string | null
  org_code: string | null
}): AgencyRef {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    kind: row.kind as AgencyKind,
    creditCode: row.credit_code,
    orgCode: row.org_code,
  }
}

export async function findAgencyRef(db: DB, id: number): Promise<AgencyRef | undefined> {
  const row = await db.selectFrom('agencies').select(REF_COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toAgencyRef(row)
}

/** Agencies an operator named on a command line: by 统一社会信用代码, 组织机构代码, exact name, or id (at most 2). */
export async function findAgencyRefsByKey(db: DB, key: string): Promise<AgencyRef[]> {
  const id = /^[1-9][0-9]{0,9}$/.test(key) ? Number(key) : null
  const rows = await db
    .selectFrom('agencies')
    .select(REF_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('credit_code', '=', key),
        eb('org_code', '=', key),
        eb('name', '=', key),
        ...(id === null ? [] : [eb('id', '=', id)]),
      ]),
    )
    .orderBy('id')
    .limit(2)
    .execute()
  return rows.map(toAgencyRef)
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
