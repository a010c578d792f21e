// Previous/next links for a paged list, keeping the other query parameters.
export interface PaginationProps {
  readonly page: number
  readonly pageSize: number
  readonly total: number
  /** The current URL (path and query); its `page` parameter is replaced. */
  readonly baseUrl: string
}

function withPage(baseUrl: string, page: number): string {
  const url = new URL(baseUrl, 'http://x')
  url.searchParams.set('page', String(page))
  return `${url.pathname}?${url.searchParams.toString()}`
}

export function Pagination({ page, pageSize, total, baseUrl }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  return (
    <nav class="pagination" aria-label="分页">
      {page > 1 ? <a href={withPage(baseUrl, page - 1)}>上一页</a> : ''}
      <span>
        第 {page} / {pages} 页，共 {total} 条
      </span>
      {page < pages ? <a href={withPage(baseUrl, page + 1)}>下一页</a> : ''}
    </nav>
  )
}
