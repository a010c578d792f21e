// A column's list (/zfxxgk/:agencyId/:columnSlug/): its published items newest first, 20 a page, filtered by
// year and 主题分类 (a GET form that works without JavaScript), with its sub-columns and feed links.
import type { Column } from '../../catalogue/column.ts'
import { COLUMN_KIND_LABELS } from '../../catalogue/column.ts'
import { listAgencyColumns } from '../../catalogue/column.queries.ts'
import { listPublishedItems } from '../../catalogue/index.ts'
import { getCatalogueSettings } from '../../catalogue/operations/get-catalogue-settings.ts'
import { findTopic, type TopicCategory } from '../../catalogue/topic-vocabulary.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { Pagination } from '../shared/pagination.tsx'
import { PortalLayout } from '../shared/portal-layout.tsx'
import { PAGE_SIZE, parsePage, parseYear, recentYears } from './list-filters.ts'
import { agencyHref, agencySite, columnHref, itemHref, type PortalContext } from './portal-context.ts'
import { columnPath, loadColumn } from './portal-loaders.ts'
import type { Rendered } from './portal-response.ts'

function parseTopic(topics: readonly TopicCategory[], value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (findTopic(topics, value) === undefined) {
    throw new DomainError('invalid_input', '主题分类无效。', { topic: '主题分类无效' })
  }
  return value
}

function FilterForm(props: {
  action: string
  year: number | undefined
  topic: string | undefined
  topics: readonly TopicCategory[]
}) {
  return (
    <form class="list-filter" method="get" action={props.action}>
      <label for="f-year">年份</label>
      <select id="f-year" name="year">
        <option value="">全部</option>
        {recentYears().map((y) => (
          <option value={String(y)} selected={y === props.year}>
            {y}
          </option>
        ))}
      </select>
      <label for="f-topic">主题分类</label>
      <select id="f-topic" name="topic">
        <option value="">全部</option>
        {props.topics.map((t) => (
          <>
            <option value={t.code} selected={t.code === props.topic} safe>
              {t.name}
            </option>
            {(t.children ?? []).map((c) => (
              <option value={c.code} selected={c.code === props.topic} safe>
                {`\u3000${c.name}`}
              </option>
            ))}
          </>
        ))}
      </select>
      <button type="submit">筛选</button>
    </form>
  )
}

function SubColumns({ agencyId, children }: { agencyId: number; children: readonly Column[] }) {
  if (children.length === 0) return ''
  return (
    <nav class="sub-columns" aria-label="下级栏目">
      <ul>
        {children.map((c) => (
          <li>
            <a href={columnHref(agencyId, c.slug)} safe>
              {c.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export async function renderColumnPage(
  ctx: PortalContext,
  agencyId: number,
  slug: string,
): Promise<Rendered> {
  const { agency, column } = await loadColumn(ctx.db, agencyId, slug)
  const settings = await getCatalogueSettings(ctx.db, agencyId)
  const page = parsePage(ctx.query.page)
  const year = parseYear(ctx.query.year)
  const topicCode = parseTopic(settings.topics, ctx.query.topic)
  const [columns, list] = await Promise.all([
    listAgencyColumns(ctx.db, agencyId),
    listPublishedItems(ctx.db, { agencyId, columnId: column.id, year, topicCode, page, pageSize: PAGE_SIZE }),
  ])
  const { items, total } = list
  const base = columnHref(agencyId, column.slug)
  const crumbs = [
    { label: '首页', href: '/' },
    { label: agency.name, href: agencyHref(agencyId) },
    ...columnPath(columns, column).map((c) =>
      c.id === column.id ? { label: c.name } : { label: c.name, href: columnHref(agencyId, c.slug) },
    ),
  ]
  const body = await (
    <PortalLayout
      title={column.name}
      site={agencySite(agency, ctx.host)}
      columnName={column.name}
      columnType={COLUMN_KIND_LABELS[column.kind]}
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={crumbs}
      feeds={[
        { type: 'application/rss+xml', href: `${base}rss.xml`, title: `${column.name} RSS` },
        { type: 'application/feed+json', href: `${base}feed.json`, title: `${column.name} JSON Feed` },
      ]}
    >
      <h1 safe>{column.name}</h1>
      <SubColumns agencyId={agencyId} children={columns.filter((c) => c.parentId === column.id)} />
      <FilterForm action={base} year={year} topic={topicCode} topics={settings.topics} />
      {items.length === 0 ? (
        <p class="empty">暂无符合条件的公开信息。</p>
      ) : (
        <table class="item-table">
          <caption class="visually-hidden" safe>
            {`${column.name}信息列表`}
          </caption>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">文号</th>
              <th scope="col">发布日期</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <td>
                  <a href={itemHref(agencyId, column.slug, item.id)} safe>
                    {item.title}
                  </a>
                </td>
                <td safe>{item.docNumber ?? ''}</td>
                <td safe>{item.publishedOn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} baseUrl={ctx.url} />
      <p class="feeds">
        订阅：<a href={`${base}rss.xml`}>RSS</a> <a href={`${base}feed.json`}>JSON Feed</a>
      </p>
    </PortalLayout>
  )
  return { body }
}
