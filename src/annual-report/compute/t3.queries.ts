// 表三 from the applications: aggregate in SQL (GROUP BY agency, applicant type, outcome), never row by row.
// Every part is an index range of `report_applications_received_outcome` or
// `report_applications_concluded_outcome`:
//   - 本年新收: received in the year;
//   - 上年结转: received before the year and not concluded before it (still open, or concluded in/after it);
//   - 结转下年度: received by the year's end and not concluded by it;
//   - 本年度办理结果: concluded in the year (whatever year it was received), one row per outcome.
// Counting rules C4–C6 (format-and-law.md §1.5, [derived]); conclusion = the date of the answer (or of the
// abandonment) as the case log records it. Whether the letter's issuing or service date counts is not settled
// nationally (C5 [unverified]); the case log has one date, the `on` of the `answered` event.
import { sql } from 'kysely'
import type { Expression, SqlBool } from 'kysely'
import type { DB } from '../../storage/index.ts'
import { engineOf } from '../../storage/index.ts'
import type { AgencySet } from './scope.ts'
import { yearBounds } from './scope.ts'

/** Counts of one agency and applicant kind. */
export interface T3FlowRow {
  agency_id: number
  applicant_type: string | null
  org_subtype: string | null
  new_received: number
  carried_over: number
  carried_forward: number
}

export interface T3OutcomeRow {
  agency_id: number
  applicant_type: string | null
  org_subtype: string | null
  outcome: string | null
  n: number
}

/** Applications joined to their applicant, limited to the agency set. */
function applicationsOf(db: DB, agencies: AgencySet) {
  let q = db
    .selectFrom('applications as a')
    .leftJoin('application_applicants as ap', 'ap.application_id', 'a.id')
  if (agencies.kind === 'one') return q.where('a.agency_id', '=', agencies.agencyId)
  q = q.where('a.agency_id', 'in', (eb) =>
    eb
      .selectFrom('agencies')
      .select('agencies.id')
      .where('agencies.path', 'like', `${agencies.path}%`)
      .where('agencies.id', '<>', agencies.excludeAgencyId),
  )
  return q
}

/** Applications alone (no join), limited to the agency set. */
function casesOf(db: DB, agencies: AgencySet) {
  const q = db.selectFrom('applications as a')
  if (agencies.kind === 'one') return q.where('a.agency_id', '=', agencies.agencyId)
  return q.where('a.agency_id', 'in', (eb) =>
    eb
      .selectFrom('agencies')
      .select('agencies.id')
      .where('agencies.path', 'like', `${agencies.path}%`)
      .where('agencies.id', '<>', agencies.excludeAgencyId),
  )
}

/**
 * Run a report query on PostgreSQL with settings for one large aggregate, local to its transaction:
 *   - no JIT: compiling cost 100–300 ms per run, more than it saved;
 *   - work_mem 64 MB: the default 4 MB spilled the year's cases to disk to sort and group them;
 *   - no hash join and no sequential scan: the query is built from index ranges, but the planner misjudges
 *     them (the ranges of two correlated dates; one large agency among 10,000 small ones) and hashed every
 *     agency's applicants (1.2 million rows in the bench) or read the whole case table to find one agency's
 *     year. It then joins the year's cases in id order (merge join on the applicants index, or index lookups).
 * Inside a caller's transaction (or on SQLite) the query runs as it is.
 */
async function asAnalyticQuery<T>(db: DB, run: (db: DB) => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'postgres' || db.isTransaction) return run(db)
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
      set_config('enable_hashjoin', 'off', true), set_config('enable_seqscan', 'off', true)`.execute(trx)
    return run(trx)
  })
}

/**
 * 表三 counts of an agency set in one statement. Each case of the year is read once, from one of three disjoint
 * index ranges, with what it counts as flags (本年新收, 上年结转, 结转下年度, concluded in the year with its outcome):
 *   - received in the year (`report_applications_received_outcome`);
 *   - received before it and still open (`report_applications_concluded_outcome`, the null range);
 *   - concluded in or after it (the same index from the year's first day): received before it, or concluded in
 *     it but received after it or without a receipt date (dates that break the balance, kept so the counts
 *     show them).
 * On SQLite the cases are put in id order before they are joined to their applicant: the lookups then walk the
 * applicants in page order (~1 µs instead of ~2.5 µs per case when ids are scattered over the file); PostgreSQL
 * sorts them itself for a merge join (see `asAnalyticQuery`). Then one grouping by agency, applicant kind and
 * outcome.
 */
export async function t3Rows(
  db: DB,
  agencies: AgencySet,
  year: number,
): Promise<{ flows: T3FlowRow[]; outcomes: T3OutcomeRow[] }> {
  const { from, to } = yearBounds(year)
  const none = sql<string | null>`cast(null as text)`
  const zero = sql<number>`0`
  const one = sql<number>`1`
  const openAtEnd = sql<number>`case when a.concluded_on is null or a.concluded_on > ${to} then 1 else 0 end`
  const inYear = sql<number>`case when a.concluded_on >= ${from} and a.concluded_on <= ${to} then 1 else 0 end`
  const outcomeInYear = sql<
    string | null
  >`case when a.concluded_on >= ${from} and a.concluded_on <= ${to} then a.outcome end`
  const receivedInYear = casesOf(db, agencies)
    .where('a.received_on', '>=', from)
    .where('a.received_on', '<=', to)
    .select([
      'a.agency_id',
      'a.id',
      one.as('nr'),
      zero.as('co'),
      openAtEnd.as('cf'),
      inYear.as('res'),
      outcomeInYear.as('outcome'),
    ])
  const openBefore = casesOf(db, agencies)
    .where('a.concluded_on', 'is', null)
    .where('a.received_on', '<', from)
    .select(['a.agency_id', 'a.id', zero.as('nr'), one.as('co'), one.as('cf'), zero.as('res'), none.as('outcome')])
  // Received before the year, or with dates that break the balance (concluded in the year but received after
  // it or never): one walk of the conclusion-date index from the year's first day.
  const receivedBefore = sql<number>`case when a.received_on < ${from} then 1 else 0 end`
  const concludedFromYear = casesOf(db, agencies)
    .where('a.concluded_on', '>=', from)
    .where((eb) =>
      eb.or([
        eb('a.received_on', '<', from),
        eb.and([
          eb.or([eb('a.received_on', 'is', null), eb('a.received_on', '>', to)]),
          eb('a.concluded_on', '<=', to),
        ]),
      ]),
    )
    .select([
      'a.agency_id',
      'a.id',
      zero.as('nr'),
      receivedBefore.as('co'),
      sql<number>`case when a.received_on < ${from} and a.concluded_on > ${to} then 1 else 0 end`.as('cf'),
      inYear.as('res'),
      outcomeInYear.as('outcome'),
    ])
  const parts = receivedInYear.unionAll(openBefore).unionAll(concludedFromYear)
  const sqlite = engineOf(db) === 'sqlite'
  const rows = await asAnalyticQuery(db, (q) =>
    q
      .with(
        (cte) => (sqlite ? cte('c').materialized() : cte('c')),
        () => (sqlite ? parts.orderBy('id') : parts),
      )
      .selectFrom('c')
      .leftJoin('application_applicants as ap', 'ap.application_id', 'c.id')
      .select(['c.agency_id', 'ap.applicant_type', 'ap.org_subtype', 'c.outcome'])
      .select((eb) => [
        eb.fn.sum<number>('c.nr').as('new_received'),
        eb.fn.sum<number>('c.co').as('carried_over'),
        eb.fn.sum<number>('c.cf').as('carried_forward'),
        eb.fn.sum<number>('c.res').as('results'),
      ])
      .groupBy(['c.agency_id', 'ap.applicant_type', 'ap.org_subtype', 'c.outcome'])
      .execute(),
  )
  // A group holds the flows of its cases whatever their outcome; buildT3 adds the flow rows up per column.
  const flows: T3FlowRow[] = []
  const outcomes: T3OutcomeRow[] = []
  // Plain literals, not spreads: over 10,000 agencies this loop sees one row per case or so.
  for (const r of rows) {
    const newReceived = Number(r.new_received)
    const carriedOver = Number(r.carried_over)
    const carriedForward = Number(r.carried_forward)
    if (newReceived + carriedOver + carriedForward > 0) {
      flows.push({
        agency_id: r.agency_id,
        applicant_type: r.applicant_type,
        org_subtype: r.org_subtype,
        new_received: newReceived,
        carried_over: carriedOver,
        carried_forward: carriedForward,
      })
    }
    const n = Number(r.results)
    if (n > 0) {
      outcomes.push({
        agency_id: r.agency_id,
        applicant_type: r.applicant_type,
        org_subtype: r.org_subtype,
        outcome: r.outcome,
        n,
      })
    }
  }
  return { flows, outcomes }
}

/** A case whose dates make the balance fail: concluded without a receipt date, or before it was received. */
export interface BalanceBreaker {
  applicationId: number
  receivedOn: string | null
  concludedOn: string
}

/** Cases of one agency that break 一+二=三（七）+四 for the year (only looked for when the balance fails). */
export async function t3BalanceBreakers(
  db: DB,
  agencyId: number,
  year: number,
  limit = 1000,
): Promise<BalanceBreaker[]> {
  const { from, to } = yearBounds(year)
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'received_on', 'concluded_on'])
    .where('agency_id', '=', agencyId)
    .where('concluded_on', 'is not', null)
    .where((eb) => eb.or([eb('received_on', 'is', null), eb('received_on', '>', eb.ref('concluded_on'))]))
    .where((eb) =>
      eb.or([
        eb.and([eb('concluded_on', '>=', from), eb('concluded_on', '<=', to)]),
        eb.and([eb('received_on', '>=', from), eb('received_on', '<=', to)]),
        eb.and([eb('received_on', '<', from), eb('concluded_on', '>', to)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    applicationId: r.id,
    receivedOn: r.received_on,
    concludedOn: r.concluded_on ?? '',
  }))
}

/** Which cases a 表三 cell counts: the row's date condition and the column's applicant condition. */
export interface T3CellFilter {
  /** new_received | carried_over | carried_forward | results (concluded in the year). */
  readonly flow: 'new_received' | 'carried_over' | 'carried_forward' | 'results'
  /** Outcomes the row counts (results only); `includeUnknown` adds outcomes outside `known`. */
  readonly outcomes?: {
    readonly list: readonly string[]
    readonly includeUnknown: boolean
    readonly known: readonly string[]
  }
  /** Applicant condition: natural_person, an organisation subtype list, or the 其他 column (everything else). */
  readonly applicant?:
    | { readonly kind: 'natural_person' }
    | { readonly kind: 'org_subtype'; readonly subtype: string }
    | { readonly kind: 'other_org'; readonly namedSubtypes: readonly string[] }
}

/** Ids of the cases behind one 表三 cell, in id order (the drill-down). */
export async function t3CellIds(
  db: DB,
  agencyId: number,
  year: number,
  filter: T3CellFilter,
): Promise<number[]> {
  const { from, to } = yearBounds(year)
  let q = applicationsOf(db, { kind: 'one', agencyId }).select('a.id')
  switch (filter.flow) {
    case 'new_received':
      q = q.where('a.received_on', '>=', from).where('a.received_on', '<=', to)
      break
    case 'carried_over':
      q = q
        .where('a.received_on', '<', from)
        .where((eb) => eb.or([eb('a.concluded_on', 'is', null), eb('a.concluded_on', '>=', from)]))
      break
    case 'carried_forward':
      q = q
        .where('a.received_on', '<=', to)
        .where((eb) => eb.or([eb('a.concluded_on', 'is', null), eb('a.concluded_on', '>', to)]))
      break
    case 'results':
      q = q.where('a.concluded_on', '>=', from).where('a.concluded_on', '<=', to)
      break
  }
  const outcomes = filter.outcomes
  if (outcomes) {
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = []
      if (outcomes.list.length > 0) parts.push(eb('a.outcome', 'in', [...outcomes.list]))
      if (outcomes.includeUnknown) {
        parts.push(eb('a.outcome', 'is', null))
        if (outcomes.known.length > 0) parts.push(eb('a.outcome', 'not in', [...outcomes.known]))
      }
      return parts.length > 0 ? eb.or(parts) : sql<SqlBool>`1 = 0`
    })
  }
  const applicant = filter.applicant
  if (applicant?.kind === 'natural_person') q = q.where('ap.applicant_type', '=', 'natural_person')
  if (applicant?.kind === 'org_subtype') {
    q = q.where('ap.applicant_type', '=', 'organisation').where('ap.org_subtype', '=', applicant.subtype)
  }
  if (applicant?.kind === 'other_org') {
    q = q.where((eb) =>
      eb.and([
        eb.or([eb('ap.applicant_type', 'is', null), eb('ap.applicant_type', '<>', 'natural_person')]),
        eb.or([
          eb('ap.org_subtype', 'is', null),
          eb('ap.org_subtype', 'not in', [...applicant.namedSubtypes]),
        ]),
      ]),
    )
  }
  return (await q.orderBy('a.id').execute()).map((r) => r.id)
}
