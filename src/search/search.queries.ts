// SQL of the search index. Rows of `search_documents` are written the same way on both engines; the index
// part and the searching differ and live in search-sqlite.queries.ts / search-postgres.queries.ts.
import type { DB } from '../storage/index.ts'
import { engineOf } from '../storage/index.ts'
import { gramSet, textGrams } from './grams.ts'
import { normalizeText } from './normalize.ts'
import type { QueryPlan, Tier } from './query-plan.ts'
import type { SearchDocument } from './search-document.ts'
import type { SearchDocumentRow } from './search.table.ts'
import * as postgres from './search-postgres.queries.ts'
import * as sqlite from './search-sqlite.queries.ts'

/** The title tier's terms on PostgreSQL carry this prefix (a tab never occurs inside a normalised word). */
export const TITLE_PREFIX = '\t'

export async function findRankKey(db: DB, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('search_documents')
    .select('rank_key')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.rank_key
}

export async function isRankKeyTaken(db: DB, rankKey: number): Promise<boolean> {
  const row = await db
    .selectFrom('search_documents')
    .select('id')
    .where('rank_key', '=', rankKey)
    .executeTakeFirst()
  return row !== undefined
}

/** Delete a document's row and index entries. */
export async function deleteDocument(db: DB, id: number, rankKey: number): Promise<void> {
  if (engineOf(db) === 'sqlite') await sqlite.deleteTerms(db, rankKey)
  await db.deleteFrom('search_documents').where('id', '=', id).execute()
}

/** Insert a document's row and index entries (no row with its id or rank key may exist). */
export async function insertDocument(db: DB, doc: SearchDocument, rankKey: number): Promise<void> {
  const title = normalizeText(doc.title)
  const other = normalizeText(`${doc.docNumber}\n${doc.indexNumber}\n${doc.body}`)
  const isPostgres = engineOf(db) === 'postgres'
  await db
    .insertInto('search_documents')
    .values({
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
      grams: isPostgres ? [...gramSet(title, gramSet(title, gramSet(other)), TITLE_PREFIX)] : null,
      norm_title: isPostgres ? title : null,
      norm_text: isPostgres ? `${title}\n${other}` : null,
    })
    .execute()
  if (!isPostgres) {
    const filters = `a${doc.agencyId} c${doc.columnId} y${doc.year}`
    await sqlite.insertTerms(db, rankKey, textGrams(title), textGrams(other), filters)
  }
}

/** Up to `cap` matching documents counted (a count of `cap` means "at least"). */
export function countMatches(db: DB, plan: QueryPlan, tier: Tier, cap: number): Promise<number> {
  return engineOf(db) === 'sqlite'
    ? sqlite.countMatches(db, plan, tier, cap)
    : postgres.countMatches(db, plan, tier, cap, TITLE_PREFIX)
}

/** Rank keys of matching documents, newest first. */
export function matchingRankKeys(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  limit: number,
  offset: number,
): Promise<number[]> {
  return engineOf(db) === 'sqlite'
    ? sqlite.matchingRankKeys(db, plan, tier, limit, offset)
    : postgres.matchingRankKeys(db, plan, tier, limit, offset, TITLE_PREFIX)
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
