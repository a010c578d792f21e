// The catalogue item: one piece of proactively disclosed information with its catalogue metadata
// (政府信息公开目录系统实施指引; docs: format-and-law.md §8). Plain data and labels; rules live elsewhere.
import type { IsoDate } from '../calendar/index.ts'

/** Where an item is in the workflow (see status.ts for the transitions). */
export type ItemStatus = 'draft' | 'in_review' | 'returned' | 'scheduled' | 'published' | 'withdrawn'

export const ITEM_STATUSES: readonly ItemStatus[] = [
  'draft',
  'in_review',
  'returned',
  'scheduled',
  'published',
  'withdrawn',
]

export const ITEM_STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  draft: '草稿',
  in_review: '待保密审查',
  returned: '已退回修改',
  scheduled: '待定时发布',
  published: '已发布',
  withdrawn: '已撤稿',
}

/** 有效性 */
export type Validity = 'valid' | 'expired' | 'repealed'

export const VALIDITIES: readonly Validity[] = ['valid', 'expired', 'repealed']

export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
}

/** Item types that matter for the annual report's 表二 （一）: 规章 and 行政规范性文件 (制发/废止/现行有效). */
export type ItemType = 'ordinary' | 'rule' | 'normative_document'

export const ITEM_TYPES: readonly ItemType[] = ['ordinary', 'rule', 'normative_document']

export const ITEM_TYPE_LABELS: Readonly<Record<ItemType, string>> = {
  ordinary: '一般信息',
  rule: '规章',
  normative_document: '行政规范性文件',
}

/** A file attached to an item. */
export interface Attachment {
  readonly id: number
  readonly itemId: number
  /** File name as uploaded. */
  readonly fileName: string
  /** Media type established from the content. */
  readonly mediaType: string
  readonly sizeBytes: number
  /** Path under the uploads directory. */
  readonly storageKey: string
  readonly sha256: string
  readonly position: number
  readonly createdAt: string
}

/** A catalogue item with its metadata. */
export interface Item {
  readonly id: number
  readonly agencyId: number
  readonly columnId: number
  readonly status: ItemStatus
  /** 索引号: null until published; then unique and permanent. */
  readonly indexNumber: string | null
  /** 标题 */
  readonly title: string
  /** 主题分类 code in the agency's vocabulary. */
  readonly topicCode: string | null
  /** 发布机构 */
  readonly publisherName: string
  /** 成文日期 */
  readonly writtenOn: IsoDate | null
  /** 发布日期 */
  readonly publishedOn: IsoDate | null
  /** 文号 */
  readonly docNumber: string | null
  /** 有效性 */
  readonly validity: Validity
  /** 实施日期 */
  readonly effectiveOn: IsoDate | null
  /** 废止日期 */
  readonly repealedOn: IsoDate | null
  /** 关键词 */
  readonly keywords: readonly string[]
  /** 内容概述 */
  readonly summary: string
  /** Sanitised HTML of the body. */
  readonly bodyHtml: string
  /** Plain text of the body. */
  readonly bodyText: string
  readonly itemType: ItemType
  /** 形成或变更日期 (条例 第二十六条). */
  readonly madeOn: IsoDate | null
  /** Whether publication met the 20-working-day rule; null while unpublished or when unknown. */
  readonly publishedOnTime: boolean | null
  readonly viewCount: number
  readonly scheduledAt: string | null
  readonly publishedAt: string | null
  readonly submittedAt: string | null
  /** The reviewer's reason the last time the item was returned. */
  readonly returnReason: string | null
  readonly withdrawnAt: string | null
  /** 撤稿 reason shown on the item page. */
  readonly withdrawalReason: string | null
  readonly createdBy: number | null
  readonly reviewedBy: number | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** The fields of a list row (no body), for column pages and console lists. */
export type ItemSummary = Omit<Item, 'bodyHtml' | 'bodyText'>

/** The publication date (China Standard Time day) of an instant. */
export function chinaDateOf(iso: string): IsoDate {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The instant (UTC ISO) at which a China Standard Time day begins. */
export function chinaDayStart(date: IsoDate): string {
  return new Date(Date.parse(`${date}T00:00:00.000+08:00`)).toISOString()
}

/** Keywords as stored (space separated) → list, and back. */
export function splitKeywords(text: string): string[] {
  return text.split(/[\s,，、;；]+/u).filter((k) => k.length > 0)
}
