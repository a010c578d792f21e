// SQL the public portal needs beyond the catalogue's own queries: the agencies that have a 政府信息公开 专栏,
// an agency's site identity (网站标识码, 主办单位, 备案), and the sitemap's counts and rows. Only published
// items are ever read here.
import type { DB } from '../storage/index.ts'

/** An agency as the portal shows it: name, site identity and the footer's records. */
export interface PortalAgency {
  readonly id: number
  readonly parentId: number | null
  readonly path: string
  readonly name: string
  /** 网站标识码 */
  readonly siteCode: string | null
  /** 主办单位 (the agency's name when not set). */
  readonly siteSponsor: string | null
  /** ICP备案号 */
  readonly icpRecord: string | null
  /** 公安机关备案号 */
  readonly policeRecord: string | null
}

const AGENCY_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'name',
  'site_code',
  'site_sponsor',
  'icp_record',
  'police_record',
] as const

function toPortalAgency(row: {
  id: number
  parent_id: number | null
  path: string
  name: string
  site_code: string | null
  site_sponsor: string | null
  icp_record: string | null
  police_record: string | null
}): PortalAgency {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    siteCode: row.site_code,
    siteSponsor: row.site_sponsor,
    icpRecord: row.icp_record,
    policeRecord: row.police_record,
  }
}

export async function findPortalAgency(db: DB, id: number): Promise<PortalAgency | undefined> {
  const row = await db.selectFrom('agencies').select(AGENCY_COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toPortalAgency(row)
}

/** Agencies that have at least one column (a 政府信息公开 专栏), in tree order. */
export async function listPortalAgencies(db: DB): Promise<PortalAgency[]> {
  const rows = await db
    .selectFrom('agencies')
    .select(AGENCY_COLUMNS)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('catalogue_columns')
          .select('catalogue_columns.id')
          .whereRef('catalogue_columns.agency_id', '=', 'agencies.id'),
      ),
    )
    .orderBy('path')
    .execute()
  return rows.map(toPortalAgency)
}

/** Published items per agency (agencies without any are absent), for the sitemap index. */
export async function countPublishedPerAgency(db: DB): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .groupBy('agency_id')
    .execute()
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]))
}

/** One sitemap URL's worth of a published item. */
export interface SitemapRow {
  readonly id: number
  readonly columnSlug: string
  readonly updatedAt: string
}

/** A chunk of an agency's published items for its sitemap, oldest id first (stable chunk boundaries). */
export async function listSitemapRows(
  db: DB,
  agencyId: number,
  options: { readonly limit: number; readonly offset: number },
): Promise<SitemapRow[]> {
  const rows = await db
    .selectFrom('catalogue_items')
    .innerJoin('catalogue_columns', 'catalogue_columns.id', 'catalogue_items.column_id')
    .select(['catalogue_items.id', 'catalogue_columns.slug', 'catalogue_items.updated_at'])
    .where('catalogue_items.agency_id', '=', agencyId)
    .where('catalogue_items.status', '=', 'published')
    .orderBy('catalogue_items.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute()
  return rows.map((r) => ({ id: r.id, columnSlug: r.slug, updatedAt: r.updated_at }))
}

/** Names of agencies by id (search results show each hit's agency). */
export async function agencyNames(db: DB, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Slugs and names of columns by id (search results link to each hit's column). */
export async function columnRefs(
  db: DB,
  ids: readonly number[],
): Promise<Map<number, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('catalogue_columns')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]))
}

/** Which of these items are published now (search results are checked against it). */
export async function publishedIds(db: DB, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('catalogue_items')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute()
  return new Set(rows.map((r) => r.id))
}
