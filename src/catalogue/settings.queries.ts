// SQL for per-agency catalogue settings and the 索引号 serial counters.
import type { DB } from '../storage/index.ts'
import { isoNow } from '../storage/index.ts'
import type { CatalogueSettingsRow } from './item.table.ts'

export async function findSettingsRow(db: DB, agencyId: number): Promise<CatalogueSettingsRow | undefined> {
  return db.selectFrom('catalogue_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst()
}

export async function upsertSettingsRow(
  db: DB,
  agencyId: number,
  values: { readonly index_pattern: string | null; readonly topics_json: string | null },
): Promise<CatalogueSettingsRow> {
  const now = isoNow()
  return db
    .insertInto('catalogue_settings')
    .values({ agency_id: agencyId, ...values, updated_at: now })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ ...values, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Allocate the next serial of an agency's period in the caller's transaction: an atomic upsert-increment,
 * so two concurrent publications serialise on the counter row (PostgreSQL row lock; SQLite's single writer)
 * and never receive the same number. A rolled-back transaction releases nothing that was ever used.
 */
export async function allocateSerial(db: DB, agencyId: number, period: string): Promise<number> {
  const row = await db
    .insertInto('catalogue_index_serials')
    .values({ agency_id: agencyId, period, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'period']).doUpdateSet((eb) => ({
        last_serial: eb('catalogue_index_serials.last_serial', '+', 1),
      })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return Number(row.last_serial)
}

/** Is this 索引号 already taken (by any item, e.g. an imported one)? */
export async function indexNumberExists(db: DB, indexNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_items')
    .select('id')
    .where('index_number', '=', indexNumber)
    .executeTakeFirst()
  return row !== undefined
}
