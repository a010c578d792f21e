// Test data for portal route tests: an agency with site identity, columns and items in any status, written
// straight through the catalogue's queries (the publishing operations are tested by the catalogue) and, for
// published items, put in the search index as publishing does.
import type { Agency } from '../../accounts/index.ts'
import type { Column } from '../../catalogue/column.ts'
import { insertColumn } from '../../catalogue/column.queries.ts'
import type { Item, ItemStatus } from '../../catalogue/item.ts'
import { chinaDateOf } from '../../catalogue/item.ts'
import { insertItem } from '../../catalogue/item.queries.ts'
import { indexDocument } from '../../search/index.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow } from '../../storage/index.ts'

let serial = 0

export async function setSiteIdentity(
  db: DB,
  agency: Agency,
  site: { siteCode?: string; sponsor?: string; icp?: string; police?: string } = {},
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({
      site_code: site.siteCode ?? '6205020001',
      site_sponsor: site.sponsor ?? `${agency.name}办公室`,
      icp_record: site.icp ?? '陇ICP备05000000号',
      police_record: site.police ?? '甘公网安备 62050202000001号',
    })
    .where('id', '=', agency.id)
    .execute()
}

export async function buildColumn(
  db: DB,
  agency: Agency,
  overrides: { name?: string; slug?: string; parent?: Column; kind?: Column['kind'] } = {},
): Promise<Column> {
  serial += 1
  const now = isoNow()
  return insertColumn(db, {
    agency_id: agency.id,
    parent_id: overrides.parent?.id ?? null,
    name: overrides.name ?? `栏目${serial}`,
    slug: overrides.slug ?? `col-${serial}`,
    kind: overrides.kind ?? 'custom',
    position: serial,
    created_at: now,
    updated_at: now,
  })
}

export interface ItemOverrides {
  status?: ItemStatus
  title?: string
  docNumber?: string | null
  publisherName?: string
  topicCode?: string | null
  bodyHtml?: string
  bodyText?: string
  summary?: string
  publishedAt?: string
  withdrawalReason?: string
  viewCount?: number
}

export async function buildItem(db: DB, column: Column, overrides: ItemOverrides = {}): Promise<Item> {
  serial += 1
  const status = overrides.status ?? 'published'
  const isPublic = status === 'published' || status === 'withdrawn'
  const publishedAt = isPublic ? (overrides.publishedAt ?? isoNow()) : null
  const now = isoNow()
  const item = await insertItem(db, {
    agency_id: column.agencyId,
    column_id: column.id,
    status,
    index_number: isPublic ? `TEST${column.agencyId}/2026-${String(serial).padStart(5, '0')}` : null,
    title: overrides.title ?? `关于测试事项的通知${serial}`,
    topic_code: overrides.topicCode === undefined ? '02.01' : overrides.topicCode,
    publisher_name: overrides.publisherName ?? '测试机构办公室',
    written_on: '2026-01-05',
    published_on: publishedAt === null ? null : chinaDateOf(publishedAt),
    doc_number: overrides.docNumber === undefined ? `测政发〔2026〕${serial}号` : overrides.docNumber,
    validity: 'valid',
    effective_on: null,
    repealed_on: null,
    keywords: '测试',
    summary: overrides.summary ?? '测试摘要',
    body_html: overrides.bodyHtml ?? `<p>正文内容${serial}</p>`,
    body_text: overrides.bodyText ?? `正文内容${serial}`,
    item_type: 'ordinary',
    made_on: null,
    published_on_time: null,
    view_count: overrides.viewCount ?? 0,
    scheduled_at: null,
    published_at: publishedAt,
    submitted_at: null,
    return_reason: null,
    withdrawn_at: status === 'withdrawn' ? now : null,
    withdrawal_reason: status === 'withdrawn' ? (overrides.withdrawalReason ?? '内容调整') : null,
    created_by: null,
    reviewed_by: null,
    created_at: now,
    updated_at: now,
  })
  if (status === 'published' && publishedAt !== null && item.indexNumber !== null) {
    await indexDocument(db, {
      id: item.id,
      agencyId: item.agencyId,
      columnId: item.columnId,
      year: Number(chinaDateOf(publishedAt).slice(0, 4)),
      title: item.title,
      docNumber: item.docNumber ?? '',
      indexNumber: item.indexNumber,
      body: item.bodyText,
      publishedAt,
    })
  }
  return item
}
