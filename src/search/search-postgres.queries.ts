// PostgreSQL: `grams` is a tsvector whose lexemes are every distinct character and bigram of the document (and
// of its title again, prefixed), without positions, plus a few private lexemes: the filters (agency, column,
// year) and the document's time buckets (its day, 8-day, 64-day and 512-day block of rank_key). A query is a
// plain AND tsquery, which GIN answers without rechecking rows; a word of two or more characters is also
// checked as a substring of the normalised text (its bigrams alone do not fix their order), so every answer
// is exact.
//
// Best matches first means newest first, and a GIN bitmap has no order: every match would be fetched and
// sorted. So matches are collected newest first by time range: the query ANDs the bucket lexemes covering
// the newest days, each group of lexemes a scan key of its own, and GIN leapfrogs between the keys instead of
// reading every posting of a frequent term. Rows stored in time order (reorderSearchDocuments) put a range's
// postings together, so a term skips straight to them. The range is sized from the term frequencies
// in PostgreSQL's statistics and widened with the density seen, until the page and the capped count are
// known; queries expected to match few documents read them all at once. The title tier starts at the newest
// title match its grams can have (search_title_grams), not at the newest document: a word tied to a period
// (a year in titles) would otherwise read every newer range first, each costing a walk of its posting list.
import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { DB } from '../storage/index.ts'
import { withTransaction } from '../storage/index.ts'
import { gramSet, TITLE_TERM_PREFIX } from './grams.ts'
import type { QueryPlan } from './query-plan.ts'

function lexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

/** A tsvector literal of these terms. */
export function tsvectorOf(terms: Iterable<string>): RawBuilder<string> {
  return sql<string>`${[...terms].map(lexeme).join(' ')}::tsvector`
}

// Private lexemes are three or more characters after a private-use character: grams are one or two
// characters (or TITLE_TERM_PREFIX and one or two), so they never collide.
const FILTER_PREFIX = '\uE001'
const BUCKET_PREFIX = '\uE002'
/** Rank keys per day (ms × 1024). */
const DAY_KEY = 1024 * 86_400_000
/** Added to day numbers so that every day since 1900 is positive. */
const DAY_OFFSET = 40_000
/** Bucket levels: blocks of 1, 8, 64 and 512 days. */
const LEVELS = 4

/** The day of a rank key (days since 1970 plus DAY_OFFSET). */
export function dayOf(rankKey: number): number {
  return Math.floor(rankKey / DAY_KEY) + DAY_OFFSET
}

function bucketLexeme(level: number, block: number): string {
  return `${BUCKET_PREFIX}${level}.${block}`
}

const agencyLexeme = (id: number) => `${FILTER_PREFIX}a${id}`
const columnLexeme = (id: number) => `${FILTER_PREFIX}c${id}`
const yearLexeme = (year: number) => `${FILTER_PREFIX}y${year}`

/** The private lexemes of a document: its filters and time buckets. */
export function documentLexemes(
  doc: { agencyId: number; columnId: number; year: number },
  rankKey: number,
): string[] {
  const day = dayOf(rankKey)
  const out = [agencyLexeme(doc.agencyId), columnLexeme(doc.columnId), yearLexeme(doc.year)]
  for (let level = 0; level < LEVELS; level++) out.push(bucketLexeme(level, Math.floor(day / 8 ** level)))
  return out
}

/** The fewest bucket lexemes covering the days lo..hi (inclusive). */
export function coverDays(lo: number, hi: number): string[] {
  const out: string[] = []
  let day = lo
  while (day <= hi) {
    let level = LEVELS - 1
    while (level > 0 && (day % 8 ** level !== 0 || day + 8 ** level - 1 > hi)) level--
    out.push(bucketLexeme(level, day / 8 ** level))
    day += 8 ** level
  }
  return out
}

/** Frequent grams of a word given to GIN besides its rare ones (the rarest first). */
const MAX_FREQUENT_GRAMS = 3

/** Above this many agencies the agency filter is a condition on agency_id, not lexemes in the tsquery. */
const MAX_AGENCY_LEXEMES = 64

/** Tuning of the newest-first collection (tests lower `fullMax` to take the bucket path on a small corpus). */
export const postgresSearchTuning = {
  /** Read every match at once when at most this many are expected. */
  fullMax: 3000,
  /** A range is sized for this many times the matches still needed. */
  overshoot: 1.5,
  /** Most matches read from a range when `need` are needed (tests lower it to reach the narrowing). */
  rangeRows: (need: number): number => 2 * need + 50,
}

interface Stats {
  /** Frequencies (0..1) of the lexemes the statistics call frequent. */
  readonly freq: ReadonlyMap<string, number>
  /** Below the least listed frequency: assumed for an unlisted lexeme (0 without statistics). */
  readonly rareFreq: number
  readonly rows: number
  readonly agencies: number
  readonly columns: number
  readonly years: number
}

/** Statistics are re-read after this long (ms). */
const STATS_TTL = 10 * 60_000
const statsCache = new WeakMap<DB, { at: number; stats: Promise<Stats> }>()

function distinct(n: number | null | undefined, rows: number): number {
  const value = Number(n ?? 0)
  return Math.max(1, value < 0 ? -value * rows : value)
}

async function readStats(db: DB): Promise<Stats> {
  const { rows } = await sql<{
    attname: string
    e: string[] | null
    f: number[] | null
    n: number | null
    reltuples: number
  }>`select s.attname, s.most_common_elems::text::text[] as e, s.most_common_elem_freqs as f,
      s.n_distinct as n, c.reltuples
    from pg_stats s join pg_class c on c.relname = s.tablename
      and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
    where s.schemaname = current_schema() and s.tablename = 'search_documents'
      and s.attname in ('grams', 'agency_id', 'column_id', 'year')`.execute(db)
  const freq = new Map<string, number>()
  const grams = rows.find((r) => r.attname === 'grams')
  grams?.e?.forEach((term, i) => freq.set(term, Number(grams.f?.[i] ?? 0)))
  const count = Math.max(0, Number(rows[0]?.reltuples ?? 0))
  const least = freq.size === 0 ? 0 : Math.min(...freq.values())
  const n = (name: string) => distinct(rows.find((r) => r.attname === name)?.n, count)
  return {
    freq,
    rareFreq: least / 2,
    rows: count,
    agencies: n('agency_id'),
    columns: n('column_id'),
    years: n('year'),
  }
}

function termStats(db: DB): Promise<Stats> {
  const cached = statsCache.get(db)
  if (cached && Date.now() - cached.at < STATS_TTL) return cached.stats
  const stats = readStats(db).catch((): Stats => ({
    freq: new Map(),
    rareFreq: 0,
    rows: 0,
    agencies: 1,
    columns: 1,
    years: 1,
  }))
  statsCache.set(db, { at: Date.now(), stats })
  return stats
}

/** Drops the cached statistics (after ANALYZE, e.g. in tests). */
export function forgetTermFrequencies(db: DB): void {
  statsCache.delete(db)
}

/** Drops the GIN index (beginBulkIndexing). */
export async function dropGramsIndex(db: DB): Promise<void> {
  await sql`drop index if exists search_documents_grams`.execute(db)
}

/**
 * After a bulk load (the GIN index missing): the table rewritten in rank-key order, then the index built in
 * one pass; then VACUUM ANALYZE (the visibility map lets counts skip the rows). Nothing but the VACUUM ANALYZE
 * when the index exists.
 */
export async function finishGramsIndex(db: DB): Promise<void> {
  // One transaction, so the memory setting holds for every step (on a connection of its own).
  await withTransaction(db, async (trx) => {
    const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
      and indexname = 'search_documents_grams'`.execute(trx)
    if (rows.length > 0) return
    await sql`set local maintenance_work_mem = '1GB'`.execute(trx)
    await clusterByRankKey(trx)
    await sql`create index search_documents_grams on search_documents using gin (grams)
      with (fastupdate = off)`.execute(trx)
  })
  await sql`vacuum analyze search_documents`.execute(db)
}

/**
 * Rewrites search_documents in rank-key order (CLUSTER: the table is locked for its duration, about 2 minutes
 * per million documents) and refreshes its statistics. A range of days then lies together in the table, and
 * GIN's scan keys skip straight to it.
 */
export async function clusterByRankKey(db: DB): Promise<void> {
  // The unique constraint's index, named by PostgreSQL (create_search migration).
  await sql`cluster search_documents using search_documents_rank_key_key`.execute(db)
  await sql`analyze search_documents`.execute(db)
}

/**
 * How closely the stored order of the rows follows their rank keys: PostgreSQL's correlation (1 in order,
 * about 0 for no relation); null before the table's statistics exist.
 */
export async function rankKeyOrder(db: DB): Promise<number | null> {
  const { rows } = await sql<{ correlation: number | null }>`select correlation from pg_stats
    where schemaname = current_schema() and tablename = 'search_documents' and attname = 'rank_key'`.execute(
    db,
  )
  const value = rows[0]?.correlation
  return value === undefined || value === null ? null : Number(value)
}

/**
 * Raise search_title_grams for the titles (normalised) of documents just indexed: each gram's newest rank key
 * becomes at least the document's. Grams in sorted order, so concurrent writers lock their rows in the same
 * order; a gram already as new is left alone.
 */
export async function raiseTitleGramBounds(
  db: DB,
  docs: readonly { title: string; rankKey: number }[],
): Promise<void> {
  const newest = new Map<string, number>()
  for (const { title, rankKey } of docs) {
    for (const gram of gramSet(title)) newest.set(gram, Math.max(newest.get(gram) ?? rankKey, rankKey))
  }
  if (newest.size === 0) return
  const grams = [...newest.keys()].sort()
  await sql`insert into search_title_grams (gram, newest_rank_key)
    select * from unnest(${grams}::text[], ${grams.map((g) => newest.get(g) as number)}::bigint[])
    on conflict (gram) do update set newest_rank_key = excluded.newest_rank_key
    where search_title_grams.newest_rank_key < excluded.newest_rank_key`.execute(db)
}

/**
 * The newest rank key a title match of every word of `plan` can have: the least of its grams' newest title
 * rank keys; null when one of them is in no title (no title matches at all).
 */
async function newestTitleMatch(db: DB, plan: QueryPlan): Promise<number | null> {
  const grams = [...new Set(plan.words.flatMap((w) => w.grams))]
  const { rows } = await sql<{ newest: string | number | null; n: string | number }>`select
      min(newest_rank_key) as newest, count(*) as n
    from search_title_grams where gram = any(${grams}::text[])`.execute(db)
  const row = rows[0]
  if (row === undefined || Number(row.n) < grams.length || row.newest === null) return null
  return Number(row.newest)
}

/** One tier's query: an AND of OR-groups of lexemes, and the conditions GIN cannot answer. */
interface TierQuery {
  readonly groups: readonly (readonly string[])[]
  readonly conditions: readonly RawBuilder<unknown>[]
  /** Expected share (0..1) of all documents that match, at most (the filters taken as independent). */
  readonly share: number
}

function tierQuery(plan: QueryPlan, titleOnly: boolean, stats: Stats): TierQuery {
  const prefix = titleOnly ? TITLE_TERM_PREFIX : ''
  const column = titleOnly ? sql.ref('norm_title') : sql.ref('norm_text')
  const freqOf = (term: string) => stats.freq.get(term) ?? stats.rareFreq
  const groups: string[][] = []
  const conditions: RawBuilder<unknown>[] = []
  let words = 1
  for (const word of plan.words) {
    const grams = [...new Set(word.grams.map((g) => prefix + g))].sort((a, b) => freqOf(a) - freqOf(b))
    // Every row GIN returns is read and its text checked (~10 µs), while GIN skips through the posting list
    // of a frequent gram: a word's rare grams and its MAX_FREQUENT_GRAMS rarest frequent ones (a word whose
    // bigrams are all frequent, e.g. digits, matched many more rows through its rarest one alone). The
    // substring check below keeps the answer exact.
    const rare = grams.filter((g) => !stats.freq.has(g))
    const frequent = grams.filter((g) => stats.freq.has(g)).slice(0, MAX_FREQUENT_GRAMS)
    for (const g of [...rare, ...frequent]) groups.push([g])
    // Words of one text are far from independent (phrases recur): the share of their AND is bounded by the
    // rarest word's, not estimated as a product, so a range is never sized for fewer matches than it holds.
    words = Math.min(words, freqOf(grams[0] as string))
    // In the title tier a one-character word is checked too: a body holding TITLE_TERM_PREFIX and a character
    // (a private-use character, e.g. a rare character from a GBK user-defined area) has its title lexeme.
    if (word.grams.length > 1 || titleOnly) conditions.push(sql`strpos(${column}, ${word.text}) > 0`)
  }
  let share = words
  const { agencyIds, columnId, year } = plan.filters
  if (agencyIds !== undefined) {
    if (agencyIds.length <= MAX_AGENCY_LEXEMES) groups.push(agencyIds.map(agencyLexeme))
    else conditions.push(sql`agency_id = any(${[...agencyIds]}::int[])`)
    share *= Math.min(1, agencyIds.length / stats.agencies)
  }
  if (columnId !== undefined) {
    groups.push([columnLexeme(columnId)])
    share *= stats.freq.get(columnLexeme(columnId)) ?? 1 / stats.columns
  }
  if (year !== undefined) {
    groups.push([yearLexeme(year)])
    share *= stats.freq.get(yearLexeme(year)) ?? 1 / stats.years
  }
  return { groups, conditions, share }
}

/** A tsquery of one group: its only lexeme, or an OR of them. */
function tsquery(group: readonly string[]): RawBuilder<unknown> {
  return sql`${group.map(lexeme).join(' | ')}::tsquery`
}

/** A match: its rank key and whether every word is in its title. */
interface Match {
  readonly k: number
  readonly t: boolean
}

/**
 * Matches of a tier, all of them (`days` null) or within the days lo..hi (lo null: from the oldest). With `limit`, at
 * most that many: the first rows found when `newest` is false (all of the range's matches only if fewer come
 * back), else the newest. Sorted newest first.
 */
async function matchesIn(
  db: DB,
  plan: QueryPlan,
  titleOnly: boolean,
  q: TierQuery,
  days: [number | null, number] | null,
  limit: { rows: number; newest: boolean } | null,
): Promise<Match[]> {
  // A range reaching back to the oldest document is read without bucket lexemes, its newer end a condition on
  // the rows: GIN evaluates the query for every candidate, and a long OR-group of buckets costs more there than
  // the few newer matches read again (two words, traced: 57 → 9 ms for the last range of "品安 :白").
  const groups = days !== null && days[0] !== null ? [...q.groups, coverDays(days[0], days[1])] : q.groups
  // Each group is a scan key of its own: within one key GIN walks the whole posting list of its rarest term
  // and only looks up the others, whatever the range; across keys it leapfrogs, each key skipping to the
  // next row the others allow. The buckets' key then confines every term to the range's rows, which lie
  // together when the table is in time order (reorderSearchDocuments).
  const conditions = [...groups.map((g) => sql`grams @@ ${tsquery(g)}`), ...q.conditions]
  if (days !== null && days[0] === null) {
    conditions.push(sql`rank_key < ${(days[1] - DAY_OFFSET + 1) * DAY_KEY}`)
  }
  const inTitle = titleOnly
    ? sql`true`
    : sql.join(
        plan.words.map((w) => sql`strpos(norm_title, ${w.text}) > 0`),
        sql` and `,
      )
  const tail =
    limit === null
      ? sql``
      : limit.newest
        ? sql`order by rank_key desc limit ${limit.rows}`
        : sql`limit ${limit.rows}`
  const { rows } = await sql<{ k: string | number; t: boolean }>`select rank_key as k, ${inTitle} as t
    from search_documents where ${sql.join(conditions, sql` and `)} ${tail}`.execute(db)
  return rows.map((r) => ({ k: Number(r.k), t: r.t })).sort((a, b) => b.k - a.k)
}

interface Collected {
  /** Matches newest first; the first `ordered` are every match newer than the last of them. */
  readonly matches: readonly Match[]
  /** How many of `matches` are the newest matches in order (the others are only counted). */
  readonly ordered: number
  /** True when these are all the matches. */
  readonly complete: boolean
}

/** Matches seen before their density sizes the next range on its own. */
const MEASURED = 32

/**
 * At least `need` matches of a tier (or all), newest first. Once the newest matches hold `pageRest` that are
 * not title matches (enough for the page), older matches are only counted: a range is then read up to the
 * matches still needed, whichever rows come first, instead of narrowed until its newest are known.
 */
async function collect(
  db: DB,
  plan: QueryPlan,
  titleOnly: boolean,
  need: number,
  stats: Stats,
  keys: { min: number; max: number } | null,
  pageRest = Infinity,
): Promise<Collected> {
  const q = tierQuery(plan, titleOnly, stats)
  const { fullMax, overshoot } = postgresSearchTuning
  const none = { matches: [], ordered: 0, complete: true }
  if (keys === null || stats.rows * q.share <= fullMax) {
    const matches = await matchesIn(db, plan, titleOnly, q, null, null)
    return { matches, ordered: matches.length, complete: true }
  }
  const first = dayOf(keys.min)
  let hi = dayOf(keys.max)
  if (titleOnly) {
    const newest = await newestTitleMatch(db, plan)
    if (newest === null) return none
    hi = Math.min(hi, dayOf(newest))
    if (hi < first) return none
  }
  const perDay = Math.max(1, stats.rows / (hi - first + 1))
  let density = Math.max(q.share, 1e-9)
  // A range is read whole unless it holds more than this many matches (a term more frequent there than
  // the statistics say, e.g. a year in titles): then a narrower range is tried.
  const most = Math.max(need + 1, postgresSearchTuning.rangeRows(need))
  // At most `rows` matches of the days lo..hi (a range starting at the first day is read without buckets).
  const readRange = (lo: number, hi: number, newest: boolean, rows = most) =>
    matchesIn(db, plan, titleOnly, q, [lo === first ? null : lo, hi], { rows, newest })
  const matches: Match[] = []
  // Matches that are not title matches, and how many of `matches` are the newest in order.
  let rest = 0
  let ordered = 0
  let span = 0
  // After a range too dense to read, ranges grow from the narrower one that could be read.
  let maxSpan = Infinity
  for (;;) {
    const remaining = need - matches.length
    // A range is sized for the matches still needed at the density seen; while few matches have been seen
    // the density says little, and ranges at least double.
    const sized = Math.ceil((overshoot * remaining) / (density * perDay))
    span = Math.max(1, sized, matches.length < MEASURED ? 2 * span : 0)
    span = Math.min(span, maxSpan)
    let lo = Math.max(first, hi - span + 1)
    // Once the page is known, a range is read only up to the matches the count still needs, whichever come
    // first (e.g. 700 of a range's 1,180 matches, each costing the substring check of several candidates).
    const counting = rest >= pageRest
    let found = await readRange(lo, hi, false, counting ? remaining : most)
    while (!counting && found.length >= most) {
      if (lo === hi) {
        // One day with too many matches: its newest ones are enough.
        found = await readRange(lo, hi, true)
        const all = [...matches, ...found]
        return { matches: all, ordered: all.length, complete: false }
      }
      span = Math.max(1, Math.floor((hi - lo + 1) / 8))
      maxSpan = span
      lo = hi - span + 1
      found = await readRange(lo, hi, false)
    }
    for (const m of found) {
      matches.push(m)
      if (!m.t) rest++
    }
    // A range read whole extends the newest matches in order; one cut short by the count does not.
    if (!counting || found.length < remaining) ordered = matches.length
    if (!counting) maxSpan *= 2
    if (matches.length >= need) return { matches, ordered, complete: false }
    if (lo === first) return { matches, ordered, complete: true }
    // The density seen so far sizes the next range; an empty range suggests a rarer match than thought.
    const seenDays = dayOf(keys.max) - lo + 1
    density = Math.max(matches.length / (seenDays * perDay), density / 8, 1e-9)
    hi = lo - 1
  }
}

/**
 * Up to `cap` matches counted (a count of `cap` means "at least") and the rank keys of one page with their
 * score: title matches (2) newest first, then the others (1) newest first.
 */
export async function searchPage(
  db: DB,
  plan: QueryPlan,
  limit: number,
  offset: number,
  cap: number,
  pageEnd: (counted: number) => number,
): Promise<{ counted: number; scores: Map<number, number> }> {
  const scores = new Map<number, number>()
  if (plan.filters.agencyIds?.length === 0) return { counted: 0, scores }
  const stats = await termStats(db)
  // No JIT compilation (a local setting, hence the transaction): a query of a few milliseconds whose
  // estimate passes jit_above_cost would spend far longer compiling it.
  return withTransaction(db, (trx) => pageIn(trx, plan, limit, offset, cap, pageEnd, stats))
}

async function pageIn(
  db: DB,
  plan: QueryPlan,
  limit: number,
  offset: number,
  cap: number,
  pageEnd: (counted: number) => number,
  stats: Stats,
): Promise<{ counted: number; scores: Map<number, number> }> {
  const scores = new Map<number, number>()
  // The range of rank keys is planned with the settings as they are (an index scan at each end); the settings
  // change as the statement runs, for the statements after it (one round trip for all of it). From then on
  // every statement reads GIN bitmaps: with a LIMIT, the planner could otherwise prefer a scan that tests each
  // row's tsvector (decompressing kilobytes a row) in the hope of stopping early. No prefetch advice for the
  // bitmap heap scans: the search table is meant to be in memory, where it is overhead (4 chars: p95 31 → 28 ms).
  const { rows } = await sql<{
    min: string | number | null
    max: string | number | null
  }>`select (select min(rank_key) from search_documents) as min,
      (select max(rank_key) from search_documents) as max,
      set_config('jit', 'off', true), set_config('effective_io_concurrency', '0', true), set_config('enable_seqscan', 'off', true),
      set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)`.execute(
    db,
  )
  const bounds = rows[0]
  if (bounds?.min === null || bounds?.max === null || bounds === undefined) return { counted: 0, scores }
  const keys = { min: Number(bounds.min), max: Number(bounds.max) }
  const all = await collect(db, plan, false, cap, stats, keys, offset + limit)
  const counted = Math.min(all.matches.length, cap)
  const end = Math.min(offset + limit, pageEnd(counted))
  if (offset >= end) return { counted, scores }
  const newest = all.matches.slice(0, all.ordered)
  // Title matches among the newest matches are the newest title matches; older ones need their own search.
  let titles = newest.filter((m) => m.t)
  if (!all.complete && titles.length < end) {
    titles = [...(await collect(db, plan, true, end, stats, keys)).matches]
  }
  const rest = newest.filter((m) => !m.t)
  for (let i = offset; i < end; i++) {
    const m = i < titles.length ? titles[i] : rest[i - titles.length]
    if (m !== undefined) scores.set(m.k, i < titles.length ? 2 : 1)
  }
  return { counted, scores }
}
