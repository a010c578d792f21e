// Search (/search?q=&agency=&column=&year=&page=): full-text over title, 文号, 索引号 and body through the
// search module; best matches first, hits highlighted (the module returns escaped HTML with <mark>). Hits are
// re-checked against the catalogue so an item that is not published is never listed, whatever the index says.
import { findColumn } from '../../catalogue/column.queries.ts'
import { agencyNames, columnRefs, publishedIds } from '../../catalogue/portal.queries.ts'
import { searchDocuments, type SearchHit } from '../../search/index.ts'
import { Pagination } from '../shared/pagination.tsx'
import { PortalLayout } from '../shared/portal-layout.tsx'
import { PAGE_SIZE, parsePage, parseYear, recentYears } from './list-filters.ts'
import { chinaDateTime, itemHref, parseId, platformSite, type PortalContext } from './portal-context.ts'
import type { Rendered } from './portal-response.ts'

const MAX_QUERY_LENGTH = 100

interface HitView {
  readonly hit: SearchHit
  readonly href: string
  readonly agencyName: string
  readonly columnName: string
}

function HitList({ hits }: { hits: readonly HitView[] }) {
  return (
    <ol class="search-hits">
      {hits.map(({ hit, href, agencyName, columnName }) => {
        // Escaped by the search module (highlight/snippet), query words wrapped in <mark>.
        const safeTitleHtml = hit.titleHighlighted
        const safeSnippetHtml = hit.snippetHighlighted
        return (
          <li>
            <h2>
              <a href={href}>{safeTitleHtml}</a>
            </h2>
            <p class="snippet">{safeSnippetHtml}</p>
            <p class="hit-meta">
              <span safe>{agencyName}</span> · <span safe>{columnName}</span> ·{' '}
              <span safe>{chinaDateTime(hit.publishedAt).slice(0, 10)}</span>
            </p>
          </li>
        )
      })}
    </ol>
  )
}

export async function renderSearchPage(ctx: PortalContext): Promise<Rendered> {
  const text = (ctx.query.q ?? '').slice(0, MAX_QUERY_LENGTH)
  const agencyId = parseId(ctx.query.agency)
  const columnId = parseId(ctx.query.column)
  const year = parseYear(ctx.query.year)
  const page = parsePage(ctx.query.page)
  const column = columnId === undefined ? undefined : await findColumn(ctx.db, columnId)
  const result =
    text.trim() === ''
      ? { total: 0, totalIsLowerBound: false, hits: [] }
      : await searchDocuments(ctx.db, {
          text,
          agencyIds: agencyId === undefined ? undefined : [agencyId],
          columnId: column?.id,
          year,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
  const ids = result.hits.map((h) => h.id)
  const [published, agencies, columns] = await Promise.all([
    publishedIds(ctx.db, ids),
    agencyNames(ctx.db, [...new Set(result.hits.map((h) => h.agencyId))]),
    columnRefs(ctx.db, [...new Set(result.hits.map((h) => h.columnId))]),
  ])
  const hits: HitView[] = result.hits.flatMap((hit) => {
    const col = columns.get(hit.columnId)
    if (!published.has(hit.id) || col === undefined) return []
    return [
      {
        hit,
        href: itemHref(hit.agencyId, col.slug, hit.id),
        agencyName: agencies.get(hit.agencyId) ?? '',
        columnName: col.name,
      },
    ]
  })
  const scopeName = agencyId === undefined ? undefined : (await agencyNames(ctx.db, [agencyId])).get(agencyId)
  const body = await (
    <PortalLayout
      title={text === '' ? '信息检索' : `检索：${text}`}
      site={platformSite(ctx.host)}
      columnName="信息检索"
      columnType="检索"
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={[{ label: '首页', href: '/' }, { label: '信息检索' }]}
    >
      <h1>信息检索</h1>
      <form class="search-form" method="get" action="/search" role="search">
        <label for="q">关键词</label>
        <input id="q" name="q" type="search" value={text} maxlength={String(MAX_QUERY_LENGTH)} />
        {agencyId !== undefined ? <input type="hidden" name="agency" value={String(agencyId)} /> : ''}
        {column !== undefined ? <input type="hidden" name="column" value={String(column.id)} /> : ''}
        <label for="s-year">年份</label>
        <select id="s-year" name="year">
          <option value="">全部</option>
          {recentYears().map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit">检索</button>
      </form>
      {scopeName !== undefined ? (
        <p>
          检索范围：<span safe>{scopeName}</span>
          {column !== undefined ? <span safe>{` · ${column.name}`}</span> : ''}
        </p>
      ) : (
        ''
      )}
      {text.trim() === '' ? (
        <p>请输入关键词。可检索标题、文号、索引号和正文。</p>
      ) : (
        <>
          <p class="result-count" role="status">
            找到 <span safe>{`${result.total}${result.totalIsLowerBound ? '+' : ''}`}</span> 条与“
            <span safe>{text}</span>”相关的结果
          </p>
          <HitList hits={hits} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} baseUrl={ctx.url} />
        </>
      )}
    </PortalLayout>
  )
  return { body }
}
