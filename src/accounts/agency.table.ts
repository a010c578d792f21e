// Kysely table interfaces for agencies. Timestamps are ISO-8601 UTC strings on both engines (storage/README).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface AgencyTable {
  id: Generated<number>
  parent_id: number | null
  /** Materialised path of ids, e.g. `/1/4/9/`: a subtree is `path LIKE '/1/4/%'` on both engines. */
  path: string
  name: string
  kind: string
  credit_code: string | null
  org_code: string | null
  site_code: string | null
  site_sponsor: string | null
  icp_record: string | null
  police_record: string | null
  guide_office: string | null
  guide_address: string | null
  guide_hours: string | null
  guide_phone: string | null
  guide_fax: string | null
  guide_email: string | null
  guide_postcode: string | null
  created_at: string
  updated_at: string
}

export type AgencyRow = Selectable<AgencyTable>
export type NewAgencyRow = Insertable<AgencyTable>
export type AgencyRowUpdate = Updateable<AgencyTable>
