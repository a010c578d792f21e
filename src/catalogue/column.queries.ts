// SQL for catalogue columns. Functions take `db` or a transaction first.
import type { DB } from '../storage/index.ts'
import type { Column, ColumnKind } from './column.ts'
import type { CatalogueColumnRow, CatalogueColumnRowUpdate, NewCatalogueColumnRow } from './column.table.ts'

export function toColumn(row: CatalogueColumnRow): Column {
  return {
    id: row.id,
    agencyId: row.agency_id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    kind: row.kind as ColumnKind,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function insertColumn(db: DB, row: NewCatalogueColumnRow): Promise<Column> {
  const inserted = await db
    .insertInto('catalogue_columns')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toColumn(inserted)
}

export async function updateColumnRow(db: DB, id: number, patch: CatalogueColumnRowUpdate): Promise<Column> {
  const row = await db
    .updateTable('catalogue_columns')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toColumn(row)
}

export async function deleteColumnRow(db: DB, id: number): Promise<void> {
  await db.deleteFrom('catalogue_columns').where('id', '=', id).execute()
}

export async function findColumn(db: DB, id: number): Promise<Column | undefined> {
  const row = await db.selectFrom('catalogue_columns').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toColumn(row)
}

export async function findColumnBySlug(db: DB, agencyId: number, slug: string): Promise<Column | undefined> {
  const row = await db
    .selectFrom('catalogue_columns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && toColumn(row)
}

/** Every column of an agency, in tree order keys (parent, position, id). */
export async function listAgencyColumns(db: DB, agencyId: number): Promise<Column[]> {
  const rows = await db
    .selectFrom('catalogue_columns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('parent_id')
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map(toColumn)
}

export async function countChildColumns(db: DB, columnId: number): Promise<number> {
  const { n } = await db
    .selectFrom('catalogue_columns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', columnId)
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** The next position after the last sibling under `parentId`. */
export async function nextColumnPosition(db: DB, agencyId: number, parentId: number | null): Promise<number> {
  const { max } = await db
    .selectFrom('catalogue_columns')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('agency_id', '=', agencyId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirstOrThrow()
  return max === null ? 0 : Number(max) + 1
}
