// SQL for agencies. Functions take `db` or a transaction first.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import type { Agency } from './agency.ts'
import type { AgencyKind } from './agency-kind.ts'
import type { AgencyRow, AgencyRowUpdate, NewAgencyRow } from './agency.table.ts'
import type { ListScope } from './policy.ts'
import { agencyScopeWhere } from './scope.queries.ts'

export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    kind: row.kind as AgencyKind,
    creditCode: row.credit_code,
    orgCode: row.org_code,
    site: {
      siteCode: row.site_code,
      sponsor: row.site_sponsor,
      icpRecord: row.icp_record,
      policeRecord: row.police_record,
    },
    guide: {
      office: row.guide_office,
      address: row.guide_address,
      hours: row.guide_hours,
      phone: row.guide_phone,
      fax: row.guide_fax,
      email: row.guide_email,
      postcode: row.guide_postcode,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function findAgency(db: DB, id: number): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toAgency(row)
}

/** Insert an agency under `parentPath` ('' for a root) and give it its materialised path. */
export async function insertAgency(
  db: DB,
  row: Omit<NewAgencyRow, 'path'>,
  parentPath: string,
): Promise<Agency> {
  // The path contains the new id, which exists only after the insert: insert with a unique placeholder first.
  const placeholder = `pending:${crypto.randomUUID()}`
  const { id } = await db
    .insertInto('agencies')
    .values({ ...row, path: placeholder })
    .returning('id')
    .executeTakeFirstOrThrow()
  const path = `${parentPath || '/'}${id}/`
  const saved = await db
    .updateTable('agencies')
    .set({ path })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAgency(saved)
}

export async function updateAgencyRow(db: DB, id: number, patch: AgencyRowUpdate): Promise<Agency> {
  const row = await db
    .updateTable('agencies')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAgency(row)
}

/** Move a subtree: replace the path prefix `oldPath` by `newPath` on the agency and all its descendants. */
export async function movePathPrefix(db: DB, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', 'like', `${oldPath}%`)
    .execute()
}

export async function listAgencyRows(db: DB, scope: ListScope): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .where(agencyScopeWhere(scope, { agencyPath: 'agencies.path', agencyId: 'agencies.id' }))
    .orderBy('path')
    .execute()
  return rows.map(toAgency)
}

export async function countAgencies(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}
