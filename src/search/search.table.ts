// Kysely table interface of the search index's document table. The index structures themselves are engine
// internals written with raw SQL in search.queries.ts: on SQLite an FTS5 table `search_fts` (rowid = rank_key);
// on PostgreSQL the `grams`, `norm_title` and `norm_text` columns below with a GIN index on `grams`.
import type { Selectable } from 'kysely'

export interface SearchDocumentTable {
  /** The catalogue item id. */
  id: number
  /** Recency key, unique: published time in ms × 1024 + (id mod 1024), moved up while taken. */
  rank_key: number
  agency_id: number
  column_id: number
  year: number
  title: string
  doc_number: string
  index_number: string
  body: string
  published_at: string
  /**
   * PostgreSQL only (NULL on SQLite): a tsvector of the distinct unigrams and bigrams as lexemes (no positions),
   * the title's again with TITLE_TERM_PREFIX in front. Written as a tsvector literal.
   */
  grams: string | null
  /** PostgreSQL only (NULL on SQLite): normalised title, for the title tier. */
  norm_title: string | null
  /** PostgreSQL only (NULL on SQLite): normalised title, 文号, 索引号 and body, one per line. */
  norm_text: string | null
}

export type SearchDocumentRow = Selectable<SearchDocumentTable>
