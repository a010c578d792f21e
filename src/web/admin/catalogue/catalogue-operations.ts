// The catalogue operations the console and the API call, in one place, plus small read helpers for pages.
// TODO(catalogue index.ts): import from '../../../catalogue/index.ts' once the module publishes its surface.
import type { Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../../../catalogue/attachment-type.ts'
import { chinaDateOf } from '../../../catalogue/item.ts'
import { getCatalogueSettings } from '../../../catalogue/operations/get-catalogue-settings.ts'
import { getItem } from '../../../catalogue/operations/list-items.ts'
import { getColumn as findPublicColumn } from '../../../catalogue/operations/public-reads.ts'
import { deadlineStanding } from '../../../catalogue/publication-deadline.ts'
import { findTopic } from '../../../catalogue/topic-vocabulary.ts'
import type {
  Attachment,
  CatalogueAction,
  DeadlineStanding,
  Item,
  ItemSummary,
  TopicCategory,
} from './catalogue-surface.ts'

export { createDraft } from '../../../catalogue/operations/create-draft.ts'
export { updateDraft } from '../../../catalogue/operations/update-draft.ts'
export { submitForReview } from '../../../catalogue/operations/submit-for-review.ts'
export { approveItem } from '../../../catalogue/operations/approve-item.ts'
export { returnForChanges } from '../../../catalogue/operations/return-for-changes.ts'
export { withdrawItem } from '../../../catalogue/operations/withdraw-item.ts'
export { createColumn } from '../../../catalogue/operations/create-column.ts'
export { updateColumn } from '../../../catalogue/operations/update-column.ts'
export { ensureDefaultColumns } from '../../../catalogue/operations/ensure-default-columns.ts'
export { addAttachment } from '../../../catalogue/operations/add-attachment.ts'
export { uploadsDirOf } from '../../../catalogue/attachment-store.ts'
export { getItem, listDeadlineWatch, listItems } from '../../../catalogue/operations/list-items.ts'
export { getColumn, getColumnTree } from '../../../catalogue/operations/public-reads.ts'
export type { CreateColumnInput, UpdateColumnInput } from '../../../catalogue/item.schema.ts'

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
  return findPublicColumn(db, item.columnId).then(
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
