// An agency's 政府信息公开 专栏 home (/zfxxgk/:agencyId/): the column tree, the latest items of each column,
// and direct links to the 政府信息公开指南 and 年报 columns.
import type { Column } from '../../catalogue/column.ts'
import { COLUMN_KIND_LABELS } from '../../catalogue/column.ts'
import type { ItemSummary } from '../../catalogue/item.ts'
import { countPublishedPerColumn, listPublishedRows } from '../../catalogue/item.queries.ts'
import { PortalLayout } from '../shared/portal-layout.tsx'
import { agencySite, columnHref, itemHref, type PortalContext } from './portal-context.ts'
import { loadAgencyColumns } from './portal-loaders.ts'
import type { Rendered } from './portal-response.ts'

const LATEST_PER_COLUMN = 5

function ColumnTree({
  agencyId,
  columns,
  parentId,
}: {
  agencyId: number
  columns: readonly Column[]
  parentId: number | null
}) {
  const children = columns.filter((c) => c.parentId === parentId)
  if (children.length === 0) return ''
  return (
    <ul>
      {children.map((c) => (
        <li>
          <a href={columnHref(agencyId, c.slug)} safe>
            {c.name}
          </a>
          <ColumnTree agencyId={agencyId} columns={columns} parentId={c.id} />
        </li>
      ))}
    </ul>
  )
}

function LatestList({
  agencyId,
  column,
  items,
}: {
  agencyId: number
  column: Column
  items: readonly ItemSummary[]
}) {
  return (
    <section class="latest" aria-labelledby={`col-${column.id}`}>
      <h3 id={`col-${column.id}`}>
        <a href={columnHref(agencyId, column.slug)} safe>
          {column.name}
        </a>
      </h3>
      <ul class="item-list">
        {items.map((item) => (
          <li>
            <a href={itemHref(agencyId, column.slug, item.id)} safe>
              {item.title}
            </a>
            <span class="date" safe>
              {item.publishedOn ?? ''}
            </span>
          </li>
        ))}
      </ul>
      <p class="more">
        <a href={columnHref(agencyId, column.slug)}>
          更多
          <span class="visually-hidden" safe>
            {column.name}
          </span>
        </a>
      </p>
    </section>
  )
}

export async function renderAgencyHome(ctx: PortalContext, agencyId: number): Promise<Rendered> {
  const { agency, columns } = await loadAgencyColumns(ctx.db, agencyId)
  const counts = await countPublishedPerColumn(ctx.db, agencyId)
  const withItems = columns.filter((c) => (counts.get(c.id) ?? 0) > 0)
  const latest = await Promise.all(
    withItems.map(async (column) => ({
      column,
      items: await listPublishedRows(ctx.db, {
        agencyId,
        columnId: column.id,
        limit: LATEST_PER_COLUMN,
        offset: 0,
      }),
    })),
  )
  const guide = columns.find((c) => c.kind === 'guide')
  const report = columns.find((c) => c.kind === 'annual_report')
  const body = await (
    <PortalLayout
      title="政府信息公开"
      site={agencySite(agency, ctx.host)}
      columnName="政府信息公开"
      columnType="政府信息公开专栏"
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={[{ label: '首页', href: '/' }, { label: agency.name }]}
    >
      <h1>
        <span safe>{agency.name}</span>政府信息公开
      </h1>
      <nav class="quick-links" aria-label="公开指南与年报">
        {guide !== undefined ? (
          <a href={columnHref(agencyId, guide.slug)} safe>
            {COLUMN_KIND_LABELS.guide}
          </a>
        ) : (
          ''
        )}
        {report !== undefined ? (
          <a href={columnHref(agencyId, report.slug)} safe>
            {COLUMN_KIND_LABELS.annual_report}
          </a>
        ) : (
          ''
        )}
        <a href={`/search?agency=${agencyId}`}>信息检索</a>
        <a href={`/zfxxgk/${agencyId}/ysqgk/`}>依申请公开</a>
      </nav>
      <div class="agency-home">
        <nav class="column-tree" aria-labelledby="tree-heading">
          <h2 id="tree-heading">公开目录</h2>
          <ColumnTree agencyId={agencyId} columns={columns} parentId={null} />
        </nav>
        <section class="latest-all" aria-labelledby="latest-heading">
          <h2 id="latest-heading">最新公开信息</h2>
          {latest.length === 0 ? <p>暂无公开信息。</p> : ''}
          {latest.map(({ column, items }) => (
            <LatestList agencyId={agencyId} column={column} items={items} />
          ))}
        </section>
      </div>
    </PortalLayout>
  )
  return { body }
}
