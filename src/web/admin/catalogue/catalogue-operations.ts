// The catalogue operations the console and the API call (from the module's public surface), plus small read
// helpers for pages.
import type { Actor } from '../../../accounts/index.ts'
import {
  chinaDateOf,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  deadlineStanding,
  findTopic,
  getCatalogueSettings,
  getColumn,
  getItem,
} from '../../../catalogue/index.ts'
import type { DB } from '../../../storage/index.ts'
import type {
  Attachment,
  CatalogueAction,
  DeadlineStanding,
  Item,
  ItemSummary,
  TopicCategory,
} from './catalogue-surface.ts'

export {
  addAttachment,
  approveItem,
  createColumn,
  createDraft,
  ensureDefaultColumns,
  getColumn,
  getColumnTree,
  getItem,
  listDeadlineWatch,
  listItems,
  returnForChanges,
  submitForReview,
  updateCatalogueSettings,
  updateColumn,
  updateDraft,
  uploadsDirOf,
  withdrawItem,
} from '../../../catalogue/index.ts'
export type { CreateColumnInput, UpdateColumnInput } from '../../../catalogue/index.ts'

/** The catalogue's attachment limit, also the multipart limit of the upload route. */
export const MAX_UPLOAD_BYTES = DEFAULT_MAX_ATTACHMENT_BYTES
export const MAX_UPLOAD_MB = Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024)

/** An item as its console page shows it: the item, its attachments and what the user may do with it. */
export interface ItemView {
  readonly item: Item
  readonly attachments: readonly Attachment[]
  readonly abilities: Readonly<Record<CatalogueAction, boolean>>
}

export function getItemView(db: DB, actor: Actor, id: number): Promise<ItemView> {
  return getItem(db, actor, id)
}

/** Today in China Standard Time. */
function today(): string {
  return chinaDateOf(new Date().toISOString())
}

/** Where an unpublished item with a 形成或变更日期 stands against 条例 第二十六条; null otherwise. */
export function standingOf(item: ItemSummary): DeadlineStanding | null {
  if (item.madeOn === null || item.status === 'published' || item.status === 'withdrawn') return null
  return deadlineStanding(item.madeOn, today())
}

export async function columnNameOf(db: DB, item: ItemSummary): Promise<string> {
  return getColumn(db, item.columnId).then(
    (c) => c.name,
    () => '',
  )
}

export async function topicsOf(db: DB, agencyId: number): Promise<readonly TopicCategory[]> {
  return (await getCatalogueSettings(db, agencyId)).topics
}

export async function topicLabelOf(db: DB, item: ItemSummary): Promise<string> {
  if (item.topicCode === null) return ''
  return findTopic(await topicsOf(db, item.agencyId), item.topicCode)?.label ?? item.topicCode
}
