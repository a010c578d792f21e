// PostgreSQL: `grams` is a tsvector whose lexemes are every distinct character and bigram of the document (and
// of its title again, prefixed), without positions. A query is a plain AND tsquery of its words' terms, which
// GIN answers without rechecking rows (and, for a count on a vacuumed table, without reading them). A word of
// three or more characters is then checked as a substring of the normalised text (its bigrams alone do not fix
// their order). The planner takes the GIN index for rare terms and a backward walk of rank_key for frequent ones.
// A walk that tests the tsvector decompresses it (kilobytes) for every row, and a GIN bitmap of a frequent term
// lists most of the table, so for terms that PostgreSQL's statistics call frequent (pg_stats.most_common_elems)
// the newest WINDOW rows are scanned first with plain substring checks on the short normalised text: when they
// hold enough matches the answer is exact (the window is a prefix in rank order) and GIN is never touched.
import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { DB } from '../storage/index.ts'
import { TITLE_TERM_PREFIX } from './grams.ts'
import type { QueryPlan, Tier } from './query-plan.ts'

function lexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

/** A tsvector literal of these terms. */
export function tsvectorOf(terms: Iterable<string>): RawBuilder<string> {
  return sql<string>`${[...terms].map(lexeme).join(' ')}::tsvector`
}

function tsqueryOf(terms: readonly string[]): RawBuilder<unknown> {
  return sql`${[...new Set(terms)].map(lexeme).join(' & ')}::tsquery`
}

/**
 * The GIN terms of a word: its grams that the statistics do not list as frequent, or its rarest gram when all
 * are (GIN reads every posting list of a query; ANDing long ones costs more than the substring check saves).
 */
function ginTerms(grams: readonly string[], freq: ReadonlyMap<string, number>): string[] {
  const rare = grams.filter((g) => !freq.has(g))
  if (rare.length > 0) return rare
  return [grams.reduce((a, b) => ((freq.get(b) ?? 0) < (freq.get(a) ?? 0) ? b : a))]
}

function wordConditions(
  plan: QueryPlan,
  titleOnly: boolean,
  freq: ReadonlyMap<string, number>,
): RawBuilder<unknown>[] {
  const prefix = titleOnly ? TITLE_TERM_PREFIX : ''
  const terms = plan.words.flatMap((w) =>
    ginTerms(
      w.grams.map((g) => prefix + g),
      freq,
    ),
  )
  const conditions: RawBuilder<unknown>[] = [sql`grams @@ ${tsqueryOf(terms)}`]
  const column = titleOnly ? sql.ref('norm_title') : sql.ref('norm_text')
  for (const word of plan.words) {
    if (word.grams.length > 1) conditions.push(sql`strpos(${column}, ${word.text}) > 0`)
  }
  return conditions
}

/** Rows of the newest-first window scanned before the GIN index for frequent terms. */
const WINDOW = 4000
/** Term frequencies from pg_stats are re-read after this long (ms). */
const STATS_TTL = 10 * 60_000

const statsCache = new WeakMap<DB, { at: number; freq: Promise<Map<string, number>> }>()

/** Frequencies (0..1) of the frequent terms of `grams`, from the planner statistics (empty before ANALYZE). */
function termFrequencies(db: DB): Promise<Map<string, number>> {
  const cached = statsCache.get(db)
  if (cached && Date.now() - cached.at < STATS_TTL) return cached.freq
  const freq = sql<{ e: string[] | null; f: number[] | null }>`select most_common_elems::text::text[] as e,
      most_common_elem_freqs as f from pg_stats
    where schemaname = current_schema() and tablename = 'search_documents' and attname = 'grams'`
    .execute(db)
    .then(({ rows }) => {
      const map = new Map<string, number>()
      const row = rows[0]
      row?.e?.forEach((term, i) => map.set(term, Number(row.f?.[i] ?? 0)))
      return map
    })
    .catch(() => new Map<string, number>())
  statsCache.set(db, { at: Date.now(), freq })
  return freq
}

/** Drops the cached statistics (after ANALYZE, e.g. in tests). */
export function forgetTermFrequencies(db: DB): void {
  statsCache.delete(db)
}

/** Whether the newest WINDOW rows are expected to hold `need` matches of every word (terms rarer than the
 * statistics list count as 0). */
async function windowLikely(db: DB, plan: QueryPlan, tier: Tier, need: number): Promise<boolean> {
  // A filter keeps a small share of the window: the indexed filter columns do better.
  const { agencyIds, columnId, year } = plan.filters
  if (agencyIds !== undefined || columnId !== undefined || year !== undefined) return false
  const freq = await termFrequencies(db)
  const prefix = tier === 'title' ? TITLE_TERM_PREFIX : ''
  let share = 1
  for (const word of plan.words) {
    for (const g of word.grams) share = Math.min(share, freq.get(prefix + g) ?? 0)
  }
  return share * WINDOW >= 1.2 * need
}

/** The conditions on plain columns only (exact, no tsvector), for the window scan. */
function windowWhere(plan: QueryPlan, tier: Tier): RawBuilder<unknown> {
  const column = tier === 'title' ? sql.ref('norm_title') : sql.ref('norm_text')
  const conditions = plan.words.map((w) => sql`strpos(${column}, ${w.text}) > 0`)
  if (tier === 'rest') {
    const inTitle = plan.words.map((w) => sql`strpos(norm_title, ${w.text}) > 0`)
    conditions.push(sql`not (${sql.join(inTitle, sql` and `)})`)
  }
  conditions.push(...filterConditions(plan))
  return sql.join(conditions, sql` and `)
}

const windowRows = sql`(select rank_key, agency_id, column_id, year, norm_title, norm_text from search_documents
  order by rank_key desc limit ${WINDOW}) w`

function filterConditions(plan: QueryPlan): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = []
  const { agencyIds, columnId, year } = plan.filters
  if (agencyIds !== undefined) conditions.push(sql`agency_id = any(${[...agencyIds]}::int[])`)
  if (columnId !== undefined) conditions.push(sql`column_id = ${columnId}`)
  if (year !== undefined) conditions.push(sql`year = ${year}`)
  return conditions
}

function whereClause(plan: QueryPlan, tier: Tier, freq: ReadonlyMap<string, number>): RawBuilder<unknown> {
  const conditions = wordConditions(plan, tier === 'title', freq)
  if (tier === 'rest') {
    // Not every word in the title, checked on the short inline title rather than the large tsvector.
    const inTitle = plan.words.map((w) => sql`strpos(norm_title, ${w.text}) > 0`)
    conditions.push(sql`not (${sql.join(inTitle, sql` and `)})`)
  }
  conditions.push(...filterConditions(plan))
  return sql.join(conditions, sql` and `)
}

export async function countMatches(db: DB, plan: QueryPlan, tier: Tier, cap: number): Promise<number> {
  if (await windowLikely(db, plan, tier, cap)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from (
      select 1 from ${windowRows} where ${windowWhere(plan, tier)} limit ${cap}) s`.execute(db)
    if ((rows[0]?.n ?? 0) >= cap) return cap
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (
    select 1 from search_documents where ${whereClause(plan, tier, await termFrequencies(db))} limit ${cap}) s`.execute(db)
  return rows[0]?.n ?? 0
}

export async function matchingRankKeys(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  limit: number,
  offset: number,
): Promise<number[]> {
  if (await windowLikely(db, plan, tier, offset + limit)) {
    const { rows } = await sql<{ k: number }>`select rank_key as k from ${windowRows}
      where ${windowWhere(plan, tier)} order by rank_key desc limit ${limit} offset ${offset}`.execute(db)
    if (rows.length === limit) return rows.map((r) => Number(r.k))
  }
  const { rows } = await sql<{ k: number }>`select rank_key as k from search_documents
    where ${whereClause(plan, tier, await termFrequencies(db))}
    order by rank_key desc limit ${limit} offset ${offset}`.execute(db)
  return rows.map((r) => Number(r.k))
}
