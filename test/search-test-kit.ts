// For the search tests that compare the search with a substring scan (src/search/substring-scan.ts): the ids
// over every page, and PostgreSQL's newest-first collection by time range forced on a small corpus.
import { sql } from 'kysely'
import { SEARCH_COUNT_CAP, searchDocuments } from '../src/search/index.ts'
import type { SearchQuery } from '../src/search/index.ts'
import { planQuery } from '../src/search/query-plan.ts'
import { forgetTermFrequencies, postgresSearchTuning } from '../src/search/search-postgres.queries.ts'
import { documentsByRankKey, searchPage } from '../src/search/search.queries.ts'
import type { DB } from '../src/storage/index.ts'
import { engineOf } from '../src/storage/index.ts'

/** The ids a search returns over every page (100 a page, up to SEARCH_COUNT_CAP). */
export async function searchIds(db: DB, q: Omit<SearchQuery, 'limit' | 'offset'>): Promise<number[]> {
  const found: number[] = []
  for (let offset = 0; offset < SEARCH_COUNT_CAP; offset += 100) {
    const page = await searchDocuments(db, { ...q, limit: 100, offset })
    found.push(...page.hits.map((h) => h.id))
    if (page.hits.length < 100) break
  }
  return found
}

/**
 * The ids of the first page (20) with counting stopped at 21 matches: on PostgreSQL the title tier is then
 * searched on its own whenever more than 21 documents match.
 */
export async function firstPage(db: DB, q: Omit<SearchQuery, 'limit' | 'offset'>): Promise<number[]> {
  const plan = planQuery(q.text, { agencyIds: q.agencyIds, columnId: q.columnId, year: q.year })
  const { scores } = await searchPage(db, plan, 20, 0, 21, (n) => n)
  const byKey = new Map(
    (await documentsByRankKey(db, [...scores.keys()])).map((r) => [Number(r.rank_key), r.id]),
  )
  return [...scores.keys()].map((k) => byKey.get(k) as number)
}

/**
 * Run `check` with fresh statistics (so the grams count as frequent) and PostgreSQL's collection by time range
 * taken whatever the expected number of matches, each range read being cut short as soon as it can be.
 */
export async function withRangeCollection(db: DB, check: () => Promise<void>): Promise<void> {
  await sql`analyze search_documents`.execute(db)
  if (engineOf(db) === 'postgres') forgetTermFrequencies(db)
  const saved = { ...postgresSearchTuning }
  postgresSearchTuning.fullMax = 0
  postgresSearchTuning.rangeRows = (need) => need + 1
  try {
    await check()
  } finally {
    Object.assign(postgresSearchTuning, saved)
  }
}
