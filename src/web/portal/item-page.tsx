// An item page (/zfxxgk/:agencyId/:columnSlug/:itemId.html): the metadata block, 【下载Word】【下载PDF】, the
// body, attachments, 打印 and the display switches. A withdrawn item answers 410 Gone with a 撤稿 notice (date
// and reason): the URL stays meaningful to readers, and 410 tells search engines to drop it, which a 200
// would not; never 404. An item reached under another column's slug is redirected to its own URL.
import { COLUMN_KIND_LABELS, type Column } from '../../catalogue/column.ts'
import { findColumn, listAgencyColumns } from '../../catalogue/column.queries.ts'
import type { Attachment, Item } from '../../catalogue/item.ts'
import { chinaDateOf } from '../../catalogue/item.ts'
import { findPublicItem, listAttachments } from '../../catalogue/item.queries.ts'
import { getCatalogueSettings } from '../../catalogue/operations/get-catalogue-settings.ts'
import type { PortalAgency } from '../../catalogue/portal.queries.ts'
import { findTopic } from '../../catalogue/topic-vocabulary.ts'
import { PortalLayout, type Crumb } from '../shared/portal-layout.tsx'
import { attachmentHref } from './attachment-download.ts'
import { itemMetadata, MetadataTable } from './item-metadata.tsx'
import {
  agencyHref,
  agencySite,
  chinaDateTime,
  columnHref,
  itemHref,
  type PortalContext,
} from './portal-context.ts'
import { columnPath, loadColumn, notFound } from './portal-loaders.ts'
import type { Rendered } from './portal-response.ts'

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function Attachments(props: { attachments: readonly Attachment[]; agencyId: number; slug: string }) {
  const { attachments } = props
  if (attachments.length === 0) return ''
  return (
    <section class="attachments" aria-labelledby="att-heading">
      <h2 id="att-heading">附件</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            <a href={attachmentHref(props.agencyId, props.slug, a.id)}>
              <span safe>{a.fileName}</span>
            </a>
            （<span safe>{formatSize(a.sizeBytes)}</span>）
          </li>
        ))}
      </ul>
    </section>
  )
}

function WithdrawnNotice({ item }: { item: Item }) {
  return (
    <section class="withdrawn-notice" role="status">
      <h1 safe>{item.title}</h1>
      <p>
        <strong>该信息已撤稿。</strong>
      </p>
      <p>
        撤稿日期：<span safe>{item.withdrawnAt === null ? '' : chinaDateOf(item.withdrawnAt)}</span>
      </p>
      <p>
        撤稿原因：<span safe>{item.withdrawalReason ?? ''}</span>
      </p>
    </section>
  )
}

function PublishedItem(props: {
  item: Item
  agency: PortalAgency
  column: Column
  topicLabel: string
  attachments: readonly Attachment[]
  printView: boolean
}) {
  const { item, agency, column } = props
  // The body was sanitised to a safe subset when the catalogue saved it; only that makes raw output correct.
  const safeSanitisedBodyHtml = item.bodyHtml
  const page = itemHref(agency.id, column.slug, item.id)
  return (
    <article class="item">
      <MetadataTable item={item} entries={itemMetadata(item, props.topicLabel)} />
      <h1 class="item-title" safe>
        {item.title}
      </h1>
      <p class="item-tools">
        <a href={itemHref(agency.id, column.slug, item.id, 'docx')}>【下载Word】</a>
        <a href={itemHref(agency.id, column.slug, item.id, 'pdf')}>【下载PDF】</a>
        {props.printView ? <a href={page}>返回正常版</a> : <a href={`${page}?print=1`}>【打印】</a>}
      </p>
      <div class="item-body">{safeSanitisedBodyHtml}</div>
      <Attachments attachments={props.attachments} agencyId={agency.id} slug={column.slug} />
    </article>
  )
}

export async function renderItemPage(
  ctx: PortalContext,
  agencyId: number,
  slug: string,
  itemId: number,
): Promise<Rendered> {
  const { agency, column } = await loadColumn(ctx.db, agencyId, slug)
  const item = await findPublicItem(ctx.db, agencyId, { id: itemId })
  if (item === undefined) throw notFound()
  if (item.columnId !== column.id) {
    const own = await findColumn(ctx.db, item.columnId)
    if (own === undefined) throw notFound()
    return { status: 301, body: '', location: itemHref(agencyId, own.slug, item.id) }
  }
  const [columns, settings, attachments] = await Promise.all([
    listAgencyColumns(ctx.db, agencyId),
    getCatalogueSettings(ctx.db, agencyId),
    item.status === 'published' ? listAttachments(ctx.db, item.id) : Promise.resolve([]),
  ])
  const crumbs: Crumb[] = [
    { label: '首页', href: '/' },
    { label: agency.name, href: agencyHref(agencyId) },
    ...columnPath(columns, column).map((c) => ({ label: c.name, href: columnHref(agencyId, c.slug) })),
    { label: '正文' },
  ]
  const isWithdrawn = item.status === 'withdrawn'
  const topicLabel = item.topicCode === null ? '' : (findTopic(settings.topics, item.topicCode)?.label ?? '')
  const printView = ctx.query.print === '1'
  const body = await (
    <PortalLayout
      title={item.title}
      site={agencySite(agency, ctx.host)}
      columnName={column.name}
      columnType={COLUMN_KIND_LABELS[column.kind]}
      article={{
        title: item.title,
        pubDate: item.publishedAt === null ? '' : chinaDateTime(item.publishedAt),
        contentSource: item.publisherName,
      }}
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={crumbs}
      printView={printView}
    >
      {isWithdrawn ? (
        <WithdrawnNotice item={item} />
      ) : (
        <PublishedItem
          item={item}
          agency={agency}
          column={column}
          topicLabel={topicLabel}
          attachments={attachments}
          printView={printView}
        />
      )}
    </PortalLayout>
  )
  return isWithdrawn ? { status: 410, body } : { body, viewItemId: item.id }
}
