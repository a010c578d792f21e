// PostgreSQL search: what a search reads stays in the table's rows; the rest goes out of line (TOAST). A
// search checks each candidate's norm_text and norm_title in the row, while the body and the tsvector are read
// only for the 20 hits of a page (GIN answers from its own index). With toast_tuple_target 128 PostgreSQL moves
// the body and the tsvector out of line, and the columns of storage MAIN stay in the row: rows of about 1 KB
// instead of 1.6 KB, fewer pages read per candidate (1M documents, 4 characters: p95 28.5–30 → 23 ms). Rows
// already stored keep their layout until rewritten: `gongkai search reorder` (deploy.md §5).
// SQLite: nothing (FTS5 checks phrases in its own index).
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

const IN_ROW = ['title', 'doc_number', 'index_number', 'published_at', 'norm_title', 'norm_text']

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db)
  for (const column of IN_ROW) {
    await sql`alter table search_documents alter column ${sql.id(column)} set storage main`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  await sql`alter table search_documents reset (toast_tuple_target)`.execute(db)
  for (const column of IN_ROW) {
    await sql`alter table search_documents alter column ${sql.id(column)} set storage extended`.execute(db)
  }
}
