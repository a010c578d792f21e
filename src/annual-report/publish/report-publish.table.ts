// Kysely table interfaces of the report builder's drafts and the published versions.
import type { Generated, Selectable } from 'kysely'

export interface ReportDraftTable {
  agency_id: number
  year: number
  /** The six section texts as the editor left them (JSON object by section key). */
  sections_json: string
  /** Last year's report parsed from its published file (JSON AnnualReport), when imported. */
  previous_json: string | null
  /** File name of that import. */
  previous_source: string | null
  updated_by: number | null
  updated_at: string
}

export interface ReportVersionTable {
  id: Generated<number>
  agency_id: number
  year: number
  /** 1 for the first publication, then one more per correction. */
  version: number
  /** The 政府信息公开年报 item that carries this version. */
  item_id: number
  /** The whole report model as published (JSON). */
  report_json: string
  /** The machine-readable tables (renderJson), byte for byte as downloaded. */
  tables_json: string
  /** sha256 of `tables_json`, hex. */
  content_hash: string
  /** What changed (required from version 2 on). */
  change_note: string | null
  /** 机构管理员's written reason when published over error findings. */
  override_reason: string | null
  error_count: number
  published_by: number | null
  published_at: string
}

export type ReportVersionRow = Selectable<ReportVersionTable>
