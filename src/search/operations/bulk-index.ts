// Loading many documents at once (a re-index of the catalogue, a generated corpus): the index structures are
// built once at the end instead of being updated document by document. Documents go in with indexDocuments in
// between, so what is indexed is exactly what the normal path indexes. Searching works throughout, more slowly
// on PostgreSQL (no GIN index) until finishBulkIndexing has run.
import { sql } from 'kysely'
import type { DB } from '../../storage/index.ts'
import { engineOf } from '../../storage/index.ts'

/** PostgreSQL drops the GIN index (built in one pass at the end); SQLite stops FTS5's incremental merging. */
export async function beginBulkIndexing(db: DB): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`drop index if exists search_documents_grams`.execute(db)
  } else {
    await sql`insert into search_fts(search_fts, rank) values ('automerge', 0)`.execute(db)
  }
}

/**
 * Builds what beginBulkIndexing put off (also after an interrupted load, or when nothing was put off) and
 * refreshes the statistics: PostgreSQL creates the GIN index if missing and runs VACUUM ANALYZE (the
 * visibility map lets counts skip the rows); SQLite merges the FTS5 index into one segment and turns
 * incremental merging back on.
 */
export async function finishBulkIndexing(db: DB): Promise<void> {
  if (engineOf(db) === 'postgres') {
    // The same index as the migrations', sorted in memory in one pass.
    await sql`set maintenance_work_mem = '1GB'`.execute(db)
    try {
      await sql`create index if not exists search_documents_grams on search_documents using gin (grams)
        with (fastupdate = off)`.execute(db)
    } finally {
      await sql`reset maintenance_work_mem`.execute(db)
    }
    await sql`vacuum analyze search_documents`.execute(db)
  } else {
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db)
    await sql`insert into search_fts(search_fts, rank) values ('automerge', 4)`.execute(db)
    await sql`analyze`.execute(db)
  }
}
