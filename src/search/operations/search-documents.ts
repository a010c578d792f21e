// Full-text search: documents containing every query word, those with every word in the title first, then
// newest first; highlighted title and body snippet. Counting stops at SEARCH_COUNT_CAP ("1000+").
import type { DB } from '../../storage/index.ts'
import { highlight, snippet } from '../highlight.ts'
import { planQuery } from '../query-plan.ts'
import type { QueryPlan } from '../query-plan.ts'
import { SEARCH_COUNT_CAP } from '../search-document.ts'
import type { SearchHit, SearchQuery, SearchResult } from '../search-document.ts'
import { countMatches, documentsByRankKey, matchingRankKeys } from '../search.queries.ts'
import { parseSearchQuery } from '../search.schema.ts'

/** Rank keys of one page with their tier: title matches (newest first), then the others (newest first). */
async function pageKeys(
  db: DB,
  plan: QueryPlan,
  limit: number,
  offset: number,
): Promise<Map<number, number>> {
  const scores = new Map<number, number>()
  // Title matches counted only as far as this page needs: fewer than offset + limit means the count is exact.
  const titleCount = await countMatches(db, plan, 'title', offset + limit)
  if (offset < titleCount) {
    for (const k of await matchingRankKeys(db, plan, 'title', limit, offset)) scores.set(k, 2)
  }
  const remaining = limit - scores.size
  if (remaining > 0) {
    for (const k of await matchingRankKeys(db, plan, 'rest', remaining, Math.max(0, offset - titleCount))) {
      scores.set(k, 1)
    }
  }
  return scores
}

/** @throws DomainError invalid_input */
export async function searchDocuments(db: DB, query: SearchQuery): Promise<SearchResult> {
  const q = parseSearchQuery(query)
  const plan = planQuery(q.text, { agencyIds: q.agencyIds, columnId: q.columnId, year: q.year })
  if (plan.words.length === 0) return { total: 0, totalIsLowerBound: false, hits: [] }
  const counted = await countMatches(db, plan, 'all', SEARCH_COUNT_CAP + 1)
  const total = Math.min(counted, SEARCH_COUNT_CAP)
  if (q.offset >= total) return { total, totalIsLowerBound: counted > SEARCH_COUNT_CAP, hits: [] }
  const scores = await pageKeys(db, plan, Math.min(q.limit, total - q.offset), q.offset)
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
