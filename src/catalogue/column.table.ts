// Kysely table interface for catalogue columns (栏目): one tree per agency.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface CatalogueColumnTable {
  id: Generated<number>
  agency_id: number
  /** The parent column of the same agency; null for a top-level column. */
  parent_id: number | null
  name: string
  /** ASCII, unique per agency, stable: it is part of public URLs. */
  slug: string
  /** `ColumnKind`: guide | system | statutory | annual_report | custom. */
  kind: string
  /** Order among siblings (ascending). */
  position: number
  created_at: string
  updated_at: string
}

export type CatalogueColumnRow = Selectable<CatalogueColumnTable>
export type NewCatalogueColumnRow = Insertable<CatalogueColumnTable>
export type CatalogueColumnRowUpdate = Updateable<CatalogueColumnTable>
