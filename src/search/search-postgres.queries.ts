// PostgreSQL: `grams` (text[], GIN) holds every distinct character and bigram of the document, and those of the
// title again with a prefix. A query needs all its words' grams (`@>`); a word of three or more characters is
// then checked as a substring of the normalised text (its bigrams alone do not fix their order). The planner
// picks the GIN index for rare terms and a backward walk of the rank_key index for frequent ones.
import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { DB } from '../storage/index.ts'
import type { QueryPlan, Tier } from './query-plan.ts'

function wordConditions(plan: QueryPlan, titleOnly: boolean, titlePrefix: string): RawBuilder<unknown>[] {
  const grams = [
    ...new Set(plan.words.flatMap((w) => w.grams.map((g) => (titleOnly ? titlePrefix : '') + g))),
  ]
  const conditions: RawBuilder<unknown>[] = [sql`grams @> ${grams}::text[]`]
  const column = titleOnly ? sql.ref('norm_title') : sql.ref('norm_text')
  for (const word of plan.words) {
    if (word.grams.length > 1) conditions.push(sql`strpos(${column}, ${word.text}) > 0`)
  }
  return conditions
}

function whereClause(plan: QueryPlan, tier: Tier, titlePrefix: string): RawBuilder<unknown> {
  const conditions = wordConditions(plan, tier === 'title', titlePrefix)
  if (tier === 'rest') {
    conditions.push(sql`not (${sql.join(wordConditions(plan, true, titlePrefix), sql` and `)})`)
  }
  const { agencyIds, columnId, year } = plan.filters
  if (agencyIds !== undefined) conditions.push(sql`agency_id = any(${[...agencyIds]}::int[])`)
  if (columnId !== undefined) conditions.push(sql`column_id = ${columnId}`)
  if (year !== undefined) conditions.push(sql`year = ${year}`)
  return sql.join(conditions, sql` and `)
}

export async function countMatches(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  cap: number,
  titlePrefix: string,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (
    select 1 from search_documents where ${whereClause(plan, tier, titlePrefix)} limit ${cap}) s`.execute(db)
  return rows[0]?.n ?? 0
}

export async function matchingRankKeys(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  limit: number,
  offset: number,
  titlePrefix: string,
): Promise<number[]> {
  const { rows } = await sql<{ k: number }>`select rank_key as k from search_documents
    where ${whereClause(plan, tier, titlePrefix)}
    order by rank_key desc limit ${limit} offset ${offset}`.execute(db)
  return rows.map((r) => Number(r.k))
}
