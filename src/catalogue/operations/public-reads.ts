// Reads for the public portal (no login): only published items, and withdrawn ones by their URL.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import type { ColumnNode } from '../column.ts'
import { buildColumnTree } from '../column.ts'
import { findColumn, findColumnBySlug, listAgencyColumns } from '../column.queries.ts'
import type { Attachment, Item, ItemSummary } from '../item.ts'
import {
  countPublishedPerColumn,
  countPublishedRows,
  findAttachment,
  findPublicItem,
  listAttachments,
  listLatestRows,
  listPublishedRows,
} from '../item.queries.ts'
import { ListPublishedItemsSchema, type ListPublishedItemsInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'

/** One page of a column list. */
export interface PublishedPage {
  readonly items: readonly ItemSummary[]
  /** Matching items, counted up to `LIST_COUNT_CAP` (then exactly that, with `totalIsCapped`). */
  readonly total: number
  /** True when there are more than `total` items: show it as "10000+" (超过 10000 条). */
  readonly totalIsCapped: boolean
  readonly page: number
  readonly pageSize: number
  readonly pageCount: number
}

/** Counting a list stops here; pages beyond it are still reachable (offset) and feeds use keyset pages. */
export const LIST_COUNT_CAP = 10_000

/**
 * A column's published items, newest first, filtered by publication year and 主题分类. Offset pages with a
 * total counted up to LIST_COUNT_CAP (both are range scans of the column's index).
 */
export async function listPublishedItems(db: DB, input: ListPublishedItemsInput): Promise<PublishedPage> {
  const q = parseInput(ListPublishedItemsSchema, input)
  const filters = { agencyId: q.agencyId, columnId: q.columnId, year: q.year, topicCode: q.topicCode }
  const [items, total] = await Promise.all([
    listPublishedRows(db, { ...filters, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countPublishedRows(db, filters, LIST_COUNT_CAP),
  ])
  const capped = total > LIST_COUNT_CAP
  const shown = Math.min(total, LIST_COUNT_CAP)
  return {
    items,
    total: shown,
    totalIsCapped: capped,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: Math.ceil(shown / q.pageSize),
  }
}

/**
 * The next `limit` published items of a column older than the cursor (keyset pagination for feeds, APIs and
 * deep pages: constant cost whatever the depth).
 */
export function listPublishedItemsBefore(
  db: DB,
  args: {
    readonly agencyId: number
    readonly columnId: number
    readonly before?: { readonly publishedAt: string; readonly id: number }
    readonly limit: number
  },
): Promise<ItemSummary[]> {
  return listPublishedRows(db, {
    agencyId: args.agencyId,
    columnId: args.columnId,
    limit: Math.min(Math.max(args.limit, 1), 500),
    offset: 0,
    before: args.before,
  })
}

/** A published item, or a withdrawn one (its page shows the notice), with its attachments. */
export async function getPublishedItem(
  db: DB,
  agencyId: number,
  key: { readonly id: number } | { readonly indexNumber: string },
): Promise<{ item: Item; attachments: Attachment[] }> {
  const item = await findPublicItem(db, agencyId, key)
  if (!item) throw new DomainError('not_found', '信息不存在或尚未发布')
  return { item, attachments: item.status === 'published' ? await listAttachments(db, item.id) : [] }
}

/**
 * An attachment of a public item of `agencyId` with its item (published, or withdrawn: the caller answers
 * 410 for those). @throws DomainError('not_found') for an unknown attachment or one of an unpublished item.
 */
export async function getPublicAttachment(
  db: DB,
  agencyId: number,
  attachmentId: number,
): Promise<{ item: Item; attachment: Attachment }> {
  const attachment = await findAttachment(db, attachmentId)
  const item = attachment && (await findPublicItem(db, agencyId, { id: attachment.itemId }))
  if (!attachment || !item) throw new DomainError('not_found', '附件不存在或所属信息尚未发布')
  return { item, attachment }
}

/** The agency's column tree (empty until `ensureDefaultColumns` ran). */
export async function getColumnTree(db: DB, agencyId: number): Promise<ColumnNode[]> {
  return buildColumnTree(await listAgencyColumns(db, agencyId))
}

/** A column of an agency by its URL slug. */
export async function getColumnBySlug(db: DB, agencyId: number, slug: string) {
  const column = await findColumnBySlug(db, agencyId, slug)
  if (!column) throw new DomainError('not_found', '栏目不存在')
  return column
}

/** A column by id. */
export async function getColumn(db: DB, columnId: number) {
  const column = await findColumn(db, columnId)
  if (!column) throw new DomainError('not_found', '栏目不存在')
  return column
}

/** The latest published items of an agency across its columns (专栏 home). */
export function listLatestItems(db: DB, agencyId: number, limit = 10): Promise<ItemSummary[]> {
  return listLatestRows(db, agencyId, Math.min(Math.max(limit, 1), 100))
}

/** Published items per column id (columns without items are absent). */
export function countItemsPerColumn(db: DB, agencyId: number): Promise<Map<number, number>> {
  return countPublishedPerColumn(db, agencyId)
}
