// The full-text search index (src/search/). One table of indexed documents on both engines; the index itself
// differs: SQLite has an FTS5 table of unigram and bigram terms (contentless, rowid = rank_key, so a scan in
// rowid order is a scan by recency); PostgreSQL keeps the distinct terms in a tsvector (no positions) with a GIN
// index, queried with plain AND tsqueries, which need no recheck of the row.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === 'postgres'
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('rank_key', 'bigint', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('column_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('grams', postgres ? sql`tsvector` : 'text')
    .addColumn('norm_title', 'text')
    .addColumn('norm_text', 'text')
    .execute()
  if (!postgres) {
    // Terms are the characters and character pairs themselves, space-separated: every category but
    // separators and controls is a token character, so punctuation such as 〔 or / stays searchable.
    await sql`create virtual table search_fts using fts5(
      title_uni, title_bi, text_uni, text_bi, filters,
      content='', contentless_delete=1,
      tokenize="unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cn'")`.execute(db)
    return
  }
  await sql`create index search_documents_grams on search_documents using gin (grams)`.execute(db)
  for (const column of ['agency_id', 'column_id', 'year']) {
    await db.schema
      .createIndex(`search_documents_${column}`)
      .on('search_documents')
      .columns([column, 'rank_key'])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`drop table search_fts`.execute(db)
  await db.schema.dropTable('search_documents').execute()
}
