// Kysely table interface of 行政复议 / 行政诉讼 records arising from disclosure work (表四).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface AppealTable {
  id: Generated<number>
  /** The agency whose disclosure act is challenged (the one whose 表四 counts it, 国办公开办函〔2016〕201号). */
  agency_id: number
  /** `AppealKind`: review | litigation_direct | litigation_after_review. */
  kind: string
  /** 案号 (复议决定书 or court case number), unique per agency and kind. */
  case_number: string
  /** 申请复议 / 立案 date, YYYY-MM-DD. */
  filed_on: string
  /** The 依申请公开 case it concerns, when there is one (an appeal may concern 主动公开). */
  application_id: number | null
  /** `AgencyRole`: original (原行政行为机关) | review_body_co_defendant (复议机关作共同被告). */
  agency_role: string
  /** `AppealOutcome`: maintained | corrected | other | pending. */
  outcome: string
  /** 审结 date; null while pending. */
  concluded_on: string | null
  note: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export type AppealRow = Selectable<AppealTable>
export type NewAppealRow = Insertable<AppealTable>
export type AppealRowUpdate = Updateable<AppealTable>
