// PostgreSQL search: for every character and bigram that occurs in a title, the newest rank key of a document
// whose title has it (an upper bound: a later edit or withdrawal leaves the value, which stays safe). The
// title tier of a search starts its newest-first collection there instead of at the newest document, so a
// word whose title matches lie years back (a year such as "2017", "01") does not read every newer range of
// the index first (src/search/search-postgres.queries.ts). Filled here from the documents already indexed;
// kept up by insertDocuments. SQLite: nothing (FTS5 reads its title matches newest first directly).
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  await sql`create table search_title_grams (
    gram text primary key,
    newest_rank_key bigint not null
  )`.execute(db)
  // 18 s at 1,000,000 documents: more than the server's statement timeout (the migrations' transaction).
  await sql`set local statement_timeout = 0`.execute(db)
  // The grams of gramSet(norm_title): each character and each pair of adjacent characters, none across a blank.
  await sql`insert into search_title_grams (gram, newest_rank_key)
    select g, max(rank_key) from (
      select d.rank_key, substr(d.norm_title, i, n) as g
      from search_documents d, generate_series(1, 2) n, generate_series(1, char_length(d.norm_title) - n + 1) i
      where d.norm_title is not null
    ) grams
    where strpos(g, ' ') = 0
    group by g`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  await sql`drop table search_title_grams`.execute(db)
}
