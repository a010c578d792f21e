// PostgreSQL: `grams` is a tsvector whose lexemes are every distinct character and bigram of the document (and
// of its title again, prefixed), without positions. A query is a plain AND tsquery of its words' terms, which
// GIN answers without rechecking rows (and, for a count on a vacuumed table, without reading them). A word of
// three or more characters is then checked as a substring of the normalised text (its bigrams alone do not fix
// their order). The planner takes the GIN index for rare terms and a backward walk of rank_key for frequent ones.
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

function wordConditions(plan: QueryPlan, titleOnly: boolean): RawBuilder<unknown>[] {
  const terms = plan.words.flatMap((w) => w.grams.map((g) => (titleOnly ? TITLE_TERM_PREFIX : '') + g))
  const conditions: RawBuilder<unknown>[] = [sql`grams @@ ${tsqueryOf(terms)}`]
  const column = titleOnly ? sql.ref('norm_title') : sql.ref('norm_text')
  for (const word of plan.words) {
    if (word.grams.length > 1) conditions.push(sql`strpos(${column}, ${word.text}) > 0`)
  }
  return conditions
}

function whereClause(plan: QueryPlan, tier: Tier): RawBuilder<unknown> {
  const conditions = wordConditions(plan, tier === 'title')
  if (tier === 'rest') {
    // Not every word in the title, checked on the short inline title rather than the large tsvector.
    const inTitle = plan.words.map((w) => sql`strpos(norm_title, ${w.text}) > 0`)
    conditions.push(sql`not (${sql.join(inTitle, sql` and `)})`)
  }
  const { agencyIds, columnId, year } = plan.filters
  if (agencyIds !== undefined) conditions.push(sql`agency_id = any(${[...agencyIds]}::int[])`)
  if (columnId !== undefined) conditions.push(sql`column_id = ${columnId}`)
  if (year !== undefined) conditions.push(sql`year = ${year}`)
  return sql.join(conditions, sql` and `)
}

export async function countMatches(db: DB, plan: QueryPlan, tier: Tier, cap: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (
    select 1 from search_documents where ${whereClause(plan, tier)} limit ${cap}) s`.execute(db)
  return rows[0]?.n ?? 0
}

export async function matchingRankKeys(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  limit: number,
  offset: number,
): Promise<number[]> {
  const { rows } = await sql<{ k: number }>`select rank_key as k from search_documents
    where ${whereClause(plan, tier)}
    order by rank_key desc limit ${limit} offset ${offset}`.execute(db)
  return rows.map((r) => Number(r.k))
}
