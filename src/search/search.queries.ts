// SQL of the search index. Rows of `search_documents` are written the same way on both engines; the index
// part and the searching differ and live in search-sqlite.queries.ts / search-postgres.queries.ts.
import type { DB } from '../storage/index.ts'
import { engineOf } from '../storage/index.ts'
import { gramSet, textGrams, TITLE_TERM_PREFIX } from './grams.ts'
import { normalizeText } from './normalize.ts'
import type { QueryPlan } from './query-plan.ts'
import type { SearchDocument } from './search-document.ts'
import type { SearchDocumentRow } from './search.table.ts'
import * as postgres from './search-postgres.queries.ts'
import * as sqlite from './search-sqlite.queries.ts'

/** Delete a document's row and index entries. */
export async function deleteDocument(db: DB, id: number, rankKey: number): Promise<void> {
  if (engineOf(db) === 'sqlite') await sqlite.deleteTerms(db, rankKey)
  await db.deleteFrom('search_documents').where('id', '=', id).execute()
}

/** Rank keys of the documents with these ids (id → rank key). */
export async function findRankKeys(db: DB, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('search_documents')
    .select(['id', 'rank_key'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, Number(r.rank_key)]))
}

/** Which of these rank keys are taken. */
export async function takenRankKeys(db: DB, rankKeys: readonly number[]): Promise<Set<number>> {
  if (rankKeys.length === 0) return new Set()
  const rows = await db
    .selectFrom('search_documents')
    .select('rank_key')
    .where('rank_key', 'in', [...rankKeys])
    .execute()
  return new Set(rows.map((r) => Number(r.rank_key)))
}

/** Insert documents' rows and index entries (no row with their ids or rank keys may exist). */
export async function insertDocuments(
  db: DB,
  docs: readonly { doc: SearchDocument; rankKey: number }[],
): Promise<void> {
  const isPostgres = engineOf(db) === 'postgres'
  const rows = docs.map(({ doc, rankKey }) => {
    const title = normalizeText(doc.title)
    const other = normalizeText(`${doc.docNumber}\n${doc.indexNumber}\n${doc.body}`)
    return { doc, rankKey, title, other }
  })
  // 13 parameters a row: 400 rows stay far below both engines' limits on bound parameters.
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('search_documents')
      .values(
        rows.slice(i, i + 400).map(({ doc, rankKey, title, other }) => ({
          id: doc.id,
          rank_key: rankKey,
          agency_id: doc.agencyId,
          column_id: doc.columnId,
          year: doc.year,
          title: doc.title,
          doc_number: doc.docNumber,
          index_number: doc.indexNumber,
          body: doc.body,
          published_at: doc.publishedAt,
          grams: isPostgres
            ? postgres.tsvectorOf([
                ...gramSet(title, gramSet(title, gramSet(other)), TITLE_TERM_PREFIX),
                ...postgres.documentLexemes(doc, rankKey),
              ])
            : null,
          norm_title: isPostgres ? title : null,
          norm_text: isPostgres ? `${title}\n${other}` : null,
        })),
      )
      .execute()
  }
  if (isPostgres) {
    await postgres.raiseTitleGramBounds(
      db,
      rows.map(({ rankKey, title }) => ({ title, rankKey })),
    )
  } else {
    await sqlite.insertTerms(
      db,
      rows.map(({ doc, rankKey, title, other }) => ({
        rankKey,
        title: textGrams(title, TITLE_TERM_PREFIX),
        other: textGrams(other),
        filters: `a${doc.agencyId} c${doc.columnId} y${doc.year}`,
      })),
    )
  }
}

/** Rank keys of one page with their score: title matches (2) newest first, then the others (1). */
async function sqlitePage(
  db: DB,
  plan: QueryPlan,
  limit: number,
  offset: number,
): Promise<Map<number, number>> {
  const scores = new Map<number, number>()
  // Title matches counted only as far as this page needs: fewer than offset + limit means the count is exact.
  const titleCount = await sqlite.countMatches(db, plan, 'title', offset + limit)
  if (offset < titleCount) {
    for (const k of await sqlite.matchingRankKeys(db, plan, 'title', limit, offset)) scores.set(k, 2)
  }
  const remaining = limit - scores.size
  if (remaining > 0) {
    const restOffset = Math.max(0, offset - titleCount)
    for (const k of await sqlite.matchingRankKeys(db, plan, 'rest', remaining, restOffset)) scores.set(k, 1)
  }
  return scores
}

/**
 * Matching documents counted up to `cap` (a count of `cap` means "at least"), and the rank keys of the page
 * [offset, offset + limit) — cut at `maxTotal(counted)` — with their score (2: every word in the title).
 */
export async function searchPage(
  db: DB,
  plan: QueryPlan,
  limit: number,
  offset: number,
  cap: number,
  maxTotal: (counted: number) => number,
): Promise<{ counted: number; scores: Map<number, number> }> {
  if (engineOf(db) === 'postgres') return postgres.searchPage(db, plan, limit, offset, cap, maxTotal)
  const counted = await sqlite.countMatches(db, plan, 'all', cap)
  const end = Math.min(offset + limit, maxTotal(counted))
  if (offset >= end) return { counted, scores: new Map() }
  return { counted, scores: await sqlitePage(db, plan, end - offset, offset) }
}

export type StoredDocument = Pick<
  SearchDocumentRow,
  'id' | 'rank_key' | 'agency_id' | 'column_id' | 'year' | 'title' | 'body' | 'published_at'
>

export async function documentsByRankKey(db: DB, rankKeys: readonly number[]): Promise<StoredDocument[]> {
  if (rankKeys.length === 0) return []
  return db
    .selectFrom('search_documents')
    .select(['id', 'rank_key', 'agency_id', 'column_id', 'year', 'title', 'body', 'published_at'])
    .where('rank_key', 'in', [...rankKeys])
    .execute()
}
