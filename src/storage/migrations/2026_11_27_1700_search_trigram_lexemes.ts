// Search on PostgreSQL (src/search/search-postgres.queries.ts): every document's tsvector also holds the
// trigrams of its text and, prefixed, of its title (documentGrams), so a word of three characters is one exact
// lexeme and a longer word's candidates are near-exact (a year's or a number's bigrams occur everywhere).
// Rows indexed before get them here, the same as documentGrams writes: three adjacent characters (code points)
// inside a word of the normalised text (words split on blanks; norm_text joins the title and the rest with a
// line break), except trigrams starting with the title prefix or a private lexeme's (U+E000, U+E001, U+E002).
//
// The GIN index is dropped for the update and built again after it (with fastupdate off every row's new
// version would otherwise insert all its lexemes into the index one by one). Run VACUUM ANALYZE
// search_documents afterwards: the statistics then list frequent trigrams (docs/deploy.md §5).
// SQLite: nothing (FTS5 finds a longer word as a phrase of its bigrams).
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { engineOf } from '../dialects/engine.ts'

/** Trigrams whose first character is one of these are not lexemes (title prefix, private lexemes' prefixes). */
const NOT_FIRST = new Set(['\uE000', '\uE001', '\uE002'])

/** The trigram lexemes of a row: of its text, and of its title with the title prefix (U+E000). */
function trigramLexemes(normTitle: string, normText: string): Set<string> {
  const out = new Set<string>()
  const add = (text: string, prefix: string) => {
    for (const word of text.split(/[ \n]/)) {
      const chars = Array.from(word)
      for (let i = 0; i + 2 < chars.length; i++) {
        const first = chars[i] as string
        if (NOT_FIRST.has(first)) continue
        out.add(prefix + first + (chars[i + 1] as string) + (chars[i + 2] as string))
      }
    }
  }
  add(normText, '')
  add(normTitle, '\uE000')
  return out
}

/** Rows read and updated at a time. */
const BATCH = 500

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  // A row indexed since has its text's first trigram (a row without one has no trigram at all): rows written
  // by documentGrams are left alone, and nothing is rebuilt when none lacks them.
  const first = sql`substring(norm_text from '[^ \\n\\ue000-\\ue002][^ \\n][^ \\n]')`
  const quoted = sql`'''' || replace(replace(${first}, '\\', '\\\\'), '''', '''''') || ''''`
  const lacking = sql`grams is not null and norm_title is not null and ${first} is not null
    and not grams @@ (${quoted})::tsquery`
  const { rows: todo } = await sql`select 1 from search_documents where ${lacking} limit 1`.execute(db)
  if (todo.length === 0) return
  const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
    and indexname = 'search_documents_grams'`.execute(db)
  const indexed = rows.length > 0
  if (indexed) await sql`drop index search_documents_grams`.execute(db)
  // Derived here rather than in SQL (splitting words and taking substrings per row cost about 1.3 ms of CPU a
  // row there), in batches by id.
  for (let last = -2_147_483_648; ;) {
    const { rows: batch } = await sql<{ id: number; t: string; x: string }>`select id, norm_title as t,
        norm_text as x from search_documents where id > ${last} and ${lacking} order by id limit ${BATCH}`.execute(
      db,
    )
    if (batch.length === 0) break
    const ids: number[] = []
    const lexemes: string[] = []
    for (const row of batch) {
      for (const l of trigramLexemes(row.t, row.x)) {
        ids.push(row.id)
        lexemes.push(l)
      }
    }
    await sql`update search_documents s set grams = s.grams || v.g
      from (select id, array_to_tsvector(array_agg(l)) as g from unnest(${ids}::int[], ${lexemes}::text[]) u(id, l)
        group by id) v
      where s.id = v.id`.execute(db)
    last = (batch[batch.length - 1] as { id: number }).id
  }
  if (indexed) {
    await sql`set local maintenance_work_mem = '1GB'`.execute(db)
    await sql`create index search_documents_grams on search_documents using gin (grams)
      with (fastupdate = off)`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  // Trigram lexemes are three characters not starting with U+E000–U+E002, or such three after TITLE_TERM_PREFIX
  // (U+E000); title bigrams are three characters starting with U+E000, private lexemes start with U+E001 or
  // U+E002.
  await sql`update search_documents set grams = ts_delete(grams, array(
      select l from unnest(tsvector_to_array(grams)) l
      where (char_length(l) = 3 and left(l, 1) not in (chr(57344), chr(57345), chr(57346)))
        or (char_length(l) = 4 and left(l, 1) = chr(57344)
          and substr(l, 2, 1) not in (chr(57344), chr(57345), chr(57346)))))
    where grams is not null`.execute(db)
}
