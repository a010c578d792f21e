// Keeping PostgreSQL's search table in time order. Documents published day by day are stored in that order
// already; a load of older documents (an import of earlier years, items re-indexed after edits) is stored at
// the end of the table, out of order. Searches stay exact either way, but a search's time ranges then read
// postings from all over the table: frequent queries slow down several-fold. SQLite needs nothing (FTS5 keeps
// its entries in rank-key order).
import type { DB } from '../../storage/index.ts'
import { engineOf } from '../../storage/index.ts'
import { clusterByRankKey, rankKeyOrder } from '../search-postgres.queries.ts'

export interface ReorderResult {
  /** False on SQLite: nothing to do. */
  readonly needed: boolean
  /** Correlation (−1..1) of stored order and rank keys before and after; null without statistics. */
  readonly before: number | null
  readonly after: number | null
}

/**
 * Rewrite the search table in rank-key order (PostgreSQL). Searches and index updates wait while it runs
 * (about 2 minutes per million documents): run it in a quiet hour, after a large import.
 */
export async function reorderSearchDocuments(db: DB): Promise<ReorderResult> {
  if (engineOf(db) !== 'postgres') return { needed: false, before: null, after: null }
  const before = await rankKeyOrder(db)
  await clusterByRankKey(db)
  return { needed: true, before, after: await rankKeyOrder(db) }
}

/** The current correlation of stored order and rank keys (PostgreSQL; null on SQLite or without statistics). */
export async function searchDocumentsOrder(db: DB): Promise<number | null> {
  return engineOf(db) === 'postgres' ? rankKeyOrder(db) : null
}
