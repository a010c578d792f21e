// SQL for catalogue items and their attachments. Functions take `db` or a transaction first.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import type { Attachment, Item, ItemStatus, ItemSummary, ItemType, Validity } from './item.ts'
import { chinaDayStart, splitKeywords } from './item.ts'
import type {
  CatalogueAttachmentRow,
  CatalogueItemRow,
  CatalogueItemRowUpdate,
  NewCatalogueAttachmentRow,
  NewCatalogueItemRow,
} from './item.table.ts'

/** Columns of a list row: everything but the body. */
const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'column_id',
  'status',
  'index_number',
  'title',
  'topic_code',
  'publisher_name',
  'written_on',
  'published_on',
  'doc_number',
  'validity',
  'effective_on',
  'repealed_on',
  'keywords',
  'summary',
  'item_type',
  'made_on',
  'published_on_time',
  'view_count',
  'scheduled_at',
  'published_at',
  'submitted_at',
  'return_reason',
  'withdrawn_at',
  'withdrawal_reason',
  'created_by',
  'reviewed_by',
  'created_at',
  'updated_at',
] as const

type SummaryRow = Omit<CatalogueItemRow, 'body_html' | 'body_text'>

export function toItemSummary(row: SummaryRow): ItemSummary {
  return {
    id: row.id,
    agencyId: row.agency_id,
    columnId: row.column_id,
    status: row.status as ItemStatus,
    indexNumber: row.index_number,
    title: row.title,
    topicCode: row.topic_code,
    publisherName: row.publisher_name,
    writtenOn: row.written_on,
    publishedOn: row.published_on,
    docNumber: row.doc_number,
    validity: row.validity as Validity,
    effectiveOn: row.effective_on,
    repealedOn: row.repealed_on,
    keywords: splitKeywords(row.keywords),
    summary: row.summary,
    itemType: row.item_type as ItemType,
    madeOn: row.made_on,
    publishedOnTime: row.published_on_time === null ? null : row.published_on_time === 1,
    viewCount: Number(row.view_count),
    scheduledAt: row.scheduled_at,
    publishedAt: row.published_at,
    submittedAt: row.submitted_at,
    returnReason: row.return_reason,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    createdBy: row.created_by,
    reviewedBy: row.reviewed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toItem(row: CatalogueItemRow): Item {
  return { ...toItemSummary(row), bodyHtml: row.body_html, bodyText: row.body_text }
}

export async function insertItem(db: DB, row: NewCatalogueItemRow): Promise<Item> {
  const inserted = await db.insertInto('catalogue_items').values(row).returningAll().executeTakeFirstOrThrow()
  return toItem(inserted)
}

export async function findItem(db: DB, id: number): Promise<Item | undefined> {
  const row = await db.selectFrom('catalogue_items').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toItem(row)
}

/**
 * Update an item only if it is still in `fromStatus` (compare-and-set): two reviewers acting at once cannot
 * both move it. Returns the updated item, or undefined when its status had changed meanwhile.
 */
export async function updateItemIfStatus(
  db: DB,
  id: number,
  fromStatus: readonly ItemStatus[],
  patch: CatalogueItemRowUpdate,
): Promise<Item | undefined> {
  const row = await db
    .updateTable('catalogue_items')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', fromStatus)
    .returningAll()
    .executeTakeFirst()
  return row && toItem(row)
}

/** Filters of a public column list. */
export interface PublishedListQuery {
  readonly agencyId: number
  readonly columnId: number
  /** Publication year (China Standard Time). */
  readonly year?: number | undefined
  readonly topicCode?: string | undefined
  readonly limit: number
  readonly offset: number
  /** Keyset cursor: rows strictly older than this (published_at, id). Use instead of `offset` for deep pages. */
  readonly before?: { readonly publishedAt: string; readonly id: number } | undefined
}

function publishedInColumn(db: DB, q: Omit<PublishedListQuery, 'limit' | 'offset' | 'before'>) {
  let query = db
    .selectFrom('catalogue_items')
    .where('agency_id', '=', q.agencyId)
    .where('column_id', '=', q.columnId)
    .where('status', '=', 'published')
  if (q.topicCode !== undefined) query = query.where('topic_code', '=', q.topicCode)
  if (q.year !== undefined) {
    query = query
      .where('published_at', '>=', chinaDayStart(`${q.year}-01-01`))
      .where('published_at', '<', chinaDayStart(`${q.year + 1}-01-01`))
  }
  return query
}

/** One page of a column's published items, newest first. */
export async function listPublishedRows(db: DB, q: PublishedListQuery): Promise<ItemSummary[]> {
  let query = publishedInColumn(db, q).select(SUMMARY_COLUMNS)
  if (q.before !== undefined) {
    const { publishedAt, id } = q.before
    // A row-value comparison, which both engines turn into one index range (an OR of two conditions makes
    // PostgreSQL scan the column from the top: 150 ms at depth 20,000 on the bench corpus).
    query = query.where((eb) => eb(eb.refTuple('published_at', 'id'), '<', eb.tuple(publishedAt, id)))
  }
  const rows = await query
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.before === undefined ? q.offset : 0)
    .execute()
  return rows.map(toItemSummary)
}

/**
 * How many published items a column list has under the filters, counted up to `cap` + 1 only: a column with
 * tens of thousands of items costs a bounded index scan, and the page shows "more than cap".
 */
export async function countPublishedRows(
  db: DB,
  q: Omit<PublishedListQuery, 'limit' | 'offset' | 'before'>,
  cap: number,
): Promise<number> {
  const { n } = await db
    .selectFrom(
      publishedInColumn(db, q)
        .select('id')
        .limit(cap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** The agency's latest published items across all columns (专栏 home). */
export async function listLatestRows(db: DB, agencyId: number, limit: number): Promise<ItemSummary[]> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select(SUMMARY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toItemSummary)
}

/** Published items per column of an agency (columns without items are absent). */
export async function countPublishedPerColumn(db: DB, agencyId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select(['column_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .groupBy('column_id')
    .execute()
  return new Map(rows.map((r) => [r.column_id, Number(r.n)]))
}

/** A published or withdrawn item of an agency, by id or by 索引号 (withdrawn ones keep their URL). */
export async function findPublicItem(
  db: DB,
  agencyId: number,
  key: { readonly id: number } | { readonly indexNumber: string },
): Promise<Item | undefined> {
  let query = db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['published', 'withdrawn'])
  query = 'id' in key ? query.where('id', '=', key.id) : query.where('index_number', '=', key.indexNumber)
  const row = await query.executeTakeFirst()
  return row && toItem(row)
}

/** Ids of scheduled items whose time has come, oldest first. */
export async function listDueScheduledIds(db: DB, nowIso: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', nowIso)
    .orderBy('scheduled_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Console list filters (the agency scope is applied by the caller through `agencyIds`). */
export interface ItemListQuery {
  /** The agencies in scope, or 'all' for an actor who sees every agency (no list to test each row against). */
  readonly agencyIds: readonly number[] | 'all'
  readonly statuses?: readonly ItemStatus[] | undefined
  readonly columnId?: number | undefined
  /** Year of 发布日期, or of creation for items not published yet (China Standard Time). */
  readonly year?: number | undefined
  /** 主题分类 code; a first-level code takes its second-level codes too. */
  readonly topicCode?: string | undefined
  /** Words found in the title, 文号 or 索引号 (each word somewhere in one of them). */
  readonly text?: string | undefined
  readonly limit: number
  readonly offset: number
}

/** `%` and `_` of user text matched literally (LIKE … ESCAPE '\\' on both engines). */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export async function listItemRows(
  db: DB,
  q: ItemListQuery,
): Promise<{ items: ItemSummary[]; total: number }> {
  const agencyIds = q.agencyIds
  if (agencyIds !== 'all' && agencyIds.length === 0) return { items: [], total: 0 }
  let query = db.selectFrom('catalogue_items')
  if (agencyIds !== 'all') query = query.where('agency_id', 'in', agencyIds)
  if (q.statuses !== undefined && q.statuses.length > 0) query = query.where('status', 'in', q.statuses)
  if (q.columnId !== undefined) query = query.where('column_id', '=', q.columnId)
  if (q.topicCode !== undefined) {
    const code = q.topicCode
    const children = `${likePattern(`${code}.`).slice(1, -1)}%`
    query = query.where((eb) =>
      eb.or([eb('topic_code', '=', code), sql<boolean>`topic_code like ${children} escape '\\'`]),
    )
  }
  if (q.year !== undefined) {
    const when = sql<string>`coalesce(published_at, created_at)`
    query = query
      .where(when, '>=', chinaDayStart(`${q.year}-01-01`))
      .where(when, '<', chinaDayStart(`${q.year + 1}-01-01`))
  }
  for (const word of (q.text ?? '')
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 8)) {
    const pattern = likePattern(word)
    query = query.where((eb) =>
      eb.or(
        (['title', 'doc_number', 'index_number'] as const).map(
          (column) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`,
        ),
      ),
    )
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await query
    .select(SUMMARY_COLUMNS)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  return { items: rows.map(toItemSummary), total: Number(n) }
}

/** Unpublished items (draft … scheduled) of the given agencies that carry a 形成或变更日期. */
export async function listUnpublishedWithMadeOn(
  db: DB,
  agencyIds: readonly number[],
): Promise<ItemSummary[]> {
  if (agencyIds.length === 0) return []
  const rows = await db
    .selectFrom('catalogue_items')
    .select(SUMMARY_COLUMNS)
    .where('agency_id', 'in', agencyIds)
    .where('status', 'in', ['draft', 'in_review', 'returned', 'scheduled'])
    .where('made_on', 'is not', null)
    .orderBy('made_on')
    .orderBy('id')
    .execute()
  return rows.map(toItemSummary)
}

/** Does any item use this column? */
export async function columnHasItems(db: DB, columnId: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_items')
    .select('id')
    .where('column_id', '=', columnId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Add view counts with few statements: items are grouped by how many views they got (most got one or two),
 * and each group is one `view_count = view_count + n WHERE id IN (…)` per chunk of ids. A flush of thousands
 * of counted views is a handful of statements, not one write per view.
 */
export async function addViewCounts(db: DB, counts: ReadonlyMap<number, number>, chunk = 500): Promise<void> {
  const byIncrement = new Map<number, number[]>()
  for (const [id, n] of counts) {
    if (n <= 0) continue
    const ids = byIncrement.get(n) ?? []
    ids.push(id)
    byIncrement.set(n, ids)
  }
  for (const [n, ids] of byIncrement) {
    for (let i = 0; i < ids.length; i += chunk) {
      await db
        .updateTable('catalogue_items')
        .set({ view_count: sql<number>`view_count + ${n}` })
        .where('id', 'in', ids.slice(i, i + chunk))
        .execute()
    }
  }
}

export function toAttachment(row: CatalogueAttachmentRow): Attachment {
  return {
    id: row.id,
    itemId: row.item_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    storageKey: row.storage_key,
    sha256: row.sha256,
    position: row.position,
    createdAt: row.created_at,
  }
}

export async function insertAttachment(db: DB, row: NewCatalogueAttachmentRow): Promise<Attachment> {
  const inserted = await db
    .insertInto('catalogue_attachments')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAttachment(inserted)
}

export async function listAttachments(db: DB, itemId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('catalogue_attachments')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map(toAttachment)
}

export async function findAttachment(db: DB, id: number): Promise<Attachment | undefined> {
  const row = await db.selectFrom('catalogue_attachments').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toAttachment(row)
}

export async function nextAttachmentPosition(db: DB, itemId: number): Promise<number> {
  const { max } = await db
    .selectFrom('catalogue_attachments')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow()
  return max === null ? 0 : Number(max) + 1
}
