// SQLite: the FTS5 table `search_fts` (contentless, rowid = rank_key). Columns title_uni/text_uni hold the
// characters, title_bi/text_bi the bigrams in text order (phrases), filters the tokens a<agency> c<column>
// y<year>. A query is one FTS5 expression; a scan ordered by rowid descending is newest first and stops early.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import { TITLE_TERM_PREFIX } from './grams.ts'
import type { TextGrams } from './grams.ts'
import type { QueryPlan, QueryWord, Tier } from './query-plan.ts'

/** Above this many agencies the agency filter is a join on search_documents, not an FTS5 OR of tokens. */
const MAX_AGENCY_TOKENS = 64

/** One document's terms in the FTS5 table (its rowid is the rank key). */
export interface TermsRow {
  readonly rankKey: number
  readonly title: TextGrams
  readonly other: TextGrams
  readonly filters: string
}

/** Rows per INSERT: 6 parameters a row, far below SQLite's bound-parameter limit. */
const TERMS_CHUNK = 200

/** Insert documents' terms, many rows per statement (one statement per row cost a prepare each). */
export async function insertTerms(db: DB, rows: readonly TermsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += TERMS_CHUNK) {
    const values = rows
      .slice(i, i + TERMS_CHUNK)
      .map(
        (r) =>
          sql`(${r.rankKey}, ${r.title.unigrams}, ${r.title.bigrams}, ${r.other.unigrams}, ${r.other.bigrams}, ${r.filters})`,
      )
    await sql`insert into search_fts (rowid, title_uni, title_bi, text_uni, text_bi, filters)
      values ${sql.join(values)}`.execute(db)
  }
}

/** FTS5's automerge: merge a level once it has `segments` segments (0: never). Stored in the index. */
export async function setAutomerge(db: DB, segments: number): Promise<void> {
  await sql`insert into search_fts(search_fts, rank) values ('automerge', ${sql.lit(segments)})`.execute(db)
}

/** After a bulk load: FTS5's index merged into one segment, incremental merging back on, statistics refreshed. */
export async function finishFtsIndex(db: DB, automerge: number): Promise<void> {
  await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db)
  await setAutomerge(db, automerge)
  await sql`analyze`.execute(db)
}

export async function deleteTerms(db: DB, rankKey: number): Promise<void> {
  await sql`delete from search_fts where rowid = ${rankKey}`.execute(db)
}

function phrase(terms: readonly string[]): string {
  return `"${terms.join(' ').replaceAll('"', '""')}"`
}

function wordExpression(word: QueryWord, titleOnly: boolean): string {
  const [uni, bi] = word.single ? ['title_uni', 'text_uni'] : ['title_bi', 'text_bi']
  const title = `${uni} : ${phrase(word.grams.map((g) => TITLE_TERM_PREFIX + g))}`
  return titleOnly ? title : `${title} OR ${bi} : ${phrase(word.grams)}`
}

/** The FTS5 expression (a bound parameter, never SQL text) and the agency ids left for a join. */
function matchExpression(plan: QueryPlan, tier: Tier): { match: string; joinAgencies: number[] | null } {
  const all = plan.words.map((w) => `(${wordExpression(w, false)})`)
  const title = plan.words.map((w) => `(${wordExpression(w, true)})`)
  const parts = tier === 'title' ? title : all
  const { agencyIds, columnId, year } = plan.filters
  let joinAgencies: number[] | null = null
  if (agencyIds !== undefined) {
    if (agencyIds.length <= MAX_AGENCY_TOKENS) {
      parts.push(
        `(filters : (${agencyIds.length === 0 ? '"none"' : agencyIds.map((id) => `"a${id}"`).join(' OR ')}))`,
      )
    } else {
      joinAgencies = [...agencyIds]
    }
  }
  if (columnId !== undefined) parts.push(`(filters : "c${columnId}")`)
  if (year !== undefined) parts.push(`(filters : "y${year}")`)
  let match = parts.join(' AND ')
  if (tier === 'rest') match = `(${match}) NOT (${title.join(' AND ')})`
  return { match, joinAgencies }
}

function matchQuery(plan: QueryPlan, tier: Tier, limit: number, offset: number) {
  const { match, joinAgencies } = matchExpression(plan, tier)
  if (joinAgencies === null) {
    return sql<{ k: number }>`select rowid as k from search_fts where search_fts match ${match}
      order by rowid desc limit ${limit} offset ${offset}`
  }
  return sql<{ k: number }>`select f.rowid as k from search_fts f
    join search_documents d on d.rank_key = f.rowid
    where f.search_fts match ${match} and d.agency_id in (select value from json_each(${JSON.stringify(joinAgencies)}))
    order by f.rowid desc limit ${limit} offset ${offset}`
}

export async function countMatches(db: DB, plan: QueryPlan, tier: Tier, cap: number): Promise<number> {
  const inner = matchQuery(plan, tier, cap, 0)
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${inner})`.execute(db)
  return rows[0]?.n ?? 0
}

export async function matchingRankKeys(
  db: DB,
  plan: QueryPlan,
  tier: Tier,
  limit: number,
  offset: number,
): Promise<number[]> {
  const { rows } = await matchQuery(plan, tier, limit, offset).execute(db)
  return rows.map((r) => r.k)
}
