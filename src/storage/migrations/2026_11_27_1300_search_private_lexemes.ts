// Search on PostgreSQL (src/search/search-postgres.queries.ts): every document's tsvector also holds private
// lexemes — its agency, column and year, and its time buckets (day, 8-, 64- and 512-day blocks of rank_key) —
// so filters and the newest-first collection are answered by GIN. Rows indexed before get them here (the
// same lexemes as documentLexemes writes). The GIN index stops using a pending list (fastupdate off): every
// search read the whole list; a document's insert now updates the index directly.
// SQLite: nothing (its FTS5 table has its own filter column; time order is the rowid).
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  // Day number as in dayOf(): floor(rank_key / (1024 × 86,400,000)) + 40,000 (positive since 1900).
  const day = sql`(floor(rank_key::numeric / 88473600000)::bigint + 40000)`
  await sql`update search_documents set grams = grams || array_to_tsvector(array[
      chr(57345) || 'a' || agency_id, chr(57345) || 'c' || column_id, chr(57345) || 'y' || year,
      chr(57346) || '0.' || ${day}, chr(57346) || '1.' || ${day} / 8, chr(57346) || '2.' || ${day} / 64,
      chr(57346) || '3.' || ${day} / 512])
    where grams is not null and not grams @@ ('''' || chr(57345) || 'a' || agency_id || '''')::tsquery`.execute(
    db,
  )
  const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
    and indexname = 'search_documents_grams'`.execute(db)
  if (rows.length > 0) await sql`alter index search_documents_grams set (fastupdate = off)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
    and indexname = 'search_documents_grams'`.execute(db)
  if (rows.length > 0) await sql`alter index search_documents_grams reset (fastupdate)`.execute(db)
}
