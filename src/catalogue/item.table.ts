// Kysely table interfaces for catalogue items, their attachments, per-agency settings and 索引号 serials.
// Dates are `YYYY-MM-DD` text, timestamps ISO-8601 UTC text (docs/architecture.md, Storage).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface CatalogueItemTable {
  id: Generated<number>
  agency_id: number
  column_id: number
  /** `ItemStatus`: draft | in_review | returned | scheduled | published | withdrawn. */
  status: string
  /** 索引号: null until publication, then unique and permanent. */
  index_number: string | null
  title: string
  /** Code in the agency's 主题分类 vocabulary (e.g. `02.01`), or null. */
  topic_code: string | null
  /** 发布机构 (defaults to the agency name). */
  publisher_name: string
  /** 成文日期 */
  written_on: string | null
  /** 发布日期 (day in China Standard Time of `published_at`). */
  published_on: string | null
  /** 文号 */
  doc_number: string | null
  /** `Validity`: valid | expired | repealed (有效/失效/废止). */
  validity: string
  /** 实施日期 */
  effective_on: string | null
  /** 废止日期 (or the day it ceased to be valid) */
  repealed_on: string | null
  /** 关键词, separated by spaces. */
  keywords: string
  /** 内容概述 */
  summary: string
  /** Sanitised rich HTML. */
  body_html: string
  /** Plain text of the body, for search and summaries. */
  body_text: string
  /** `ItemType`: ordinary | rule (规章) | normative_document (行政规范性文件). */
  item_type: string
  /** 形成或变更日期: the 20-working-day clock of 条例 第二十六条 starts here. */
  made_on: string | null
  /** 1/0 whether publication met 条例 第二十六条; null when unknown (no made_on, or a calendar year unknown). */
  published_on_time: number | null
  view_count: number
  /** When a scheduled item is due to be published. */
  scheduled_at: string | null
  published_at: string | null
  submitted_at: string | null
  /** Reason given by the reviewer the last time the item was returned. */
  return_reason: string | null
  withdrawn_at: string | null
  withdrawal_reason: string | null
  created_by: number | null
  reviewed_by: number | null
  created_at: string
  updated_at: string
}

export interface CatalogueAttachmentTable {
  id: Generated<number>
  item_id: number
  /** File name as uploaded (shown to readers). */
  file_name: string
  /** Media type established from the file's content (magic bytes), never from the name alone. */
  media_type: string
  size_bytes: number
  /** Path relative to the uploads directory. */
  storage_key: string
  sha256: string
  position: number
  created_at: string
}

export interface CatalogueSettingsTable {
  agency_id: number
  /** 索引号 pattern (see index-number.ts); null → the national default. */
  index_pattern: string | null
  /** 主题分类 vocabulary as JSON (`TopicCategory[]`); null → the national default list. */
  topics_json: string | null
  updated_at: string
}

/** The last 索引号 serial allocated per agency and period (year): serials are never reused. */
export interface CatalogueIndexSerialTable {
  agency_id: number
  period: string
  last_serial: number
}

export type CatalogueItemRow = Selectable<CatalogueItemTable>
export type NewCatalogueItemRow = Insertable<CatalogueItemTable>
export type CatalogueItemRowUpdate = Updateable<CatalogueItemTable>
export type CatalogueAttachmentRow = Selectable<CatalogueAttachmentTable>
export type NewCatalogueAttachmentRow = Insertable<CatalogueAttachmentTable>
export type CatalogueSettingsRow = Selectable<CatalogueSettingsTable>
