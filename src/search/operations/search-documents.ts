// Full-text search: documents containing every query word, those with every word in the title first, then
// newest first; highlighted title and body snippet. Counting stops at SEARCH_COUNT_CAP ("1000+").
import type { DB } from '../../storage/index.ts'
import { highlight, snippet } from '../highlight.ts'
import { planQuery } from '../query-plan.ts'
import { SEARCH_COUNT_CAP } from '../search-document.ts'
import type { SearchHit, SearchQuery, SearchResult } from '../search-document.ts'
import { documentsByRankKey, searchPage } from '../search.queries.ts'
import { parseSearchQuery } from '../search.schema.ts'

/** @throws DomainError invalid_input */
export async function searchDocuments(db: DB, query: SearchQuery): Promise<SearchResult> {
  const q = parseSearchQuery(query)
  const plan = planQuery(q.text, { agencyIds: q.agencyIds, columnId: q.columnId, year: q.year })
  if (plan.words.length === 0) return { total: 0, totalIsLowerBound: false, hits: [] }
  const { counted, scores } = await searchPage(db, plan, q.limit, q.offset, SEARCH_COUNT_CAP + 1, (n) =>
    Math.min(n, SEARCH_COUNT_CAP),
  )
  const total = Math.min(counted, SEARCH_COUNT_CAP)
  const rows = new Map((await documentsByRankKey(db, [...scores.keys()])).map((r) => [Number(r.rank_key), r]))
  const words = plan.words.map((w) => w.text)
  const hits: SearchHit[] = []
  for (const [key, score] of scores) {
    const row = rows.get(key)
    if (!row) continue
    hits.push({
      id: row.id,
      agencyId: row.agency_id,
      columnId: row.column_id,
      year: row.year,
      title: row.title,
      titleHighlighted: highlight(row.title, words),
      snippetHighlighted: snippet(row.body, words),
      publishedAt: row.published_at,
      score,
    })
  }
  return { total, totalIsLowerBound: counted > SEARCH_COUNT_CAP, hits }
}
