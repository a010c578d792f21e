// The 考核 overview's figures, each aggregated in SQL per agency over a supervising office's subtree (one
// grouped statement per source table; the office itself is excluded). Dates are `YYYY-MM-DD` text on both
// engines and compared as text.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'

/** The subtree below an office: `path LIKE '<office path>%'` without the office. */
export interface Subtree {
  readonly path: string
  readonly officeId: number
}

export interface SubtreeAgencyRow {
  id: number
  name: string
  kind: string
  path: string
}

export async function subtreeAgencyRows(db: DB, subtree: Subtree): Promise<SubtreeAgencyRow[]> {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'kind', 'path'])
    .where('path', 'like', `${subtree.path}%`)
    .where('id', '<>', subtree.officeId)
    .orderBy('path')
    .execute()
}

export interface ItemFigures {
  agency_id: number
  published: number
  on_time: number
  timing_known: number
}

/** Items first published in the year (published or since withdrawn) and how many met 条例第二十六条. */
export async function itemFigures(
  db: DB,
  subtree: Subtree,
  from: string,
  to: string,
): Promise<ItemFigures[]> {
  const rows = await db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .where('a.path', 'like', `${subtree.path}%`)
    .where('a.id', '<>', subtree.officeId)
    .where('i.status', 'in', ['published', 'withdrawn'])
    .where('i.published_on', '>=', from)
    .where('i.published_on', '<=', to)
    .groupBy('i.agency_id')
    .select((eb) => [
      'i.agency_id',
      eb.fn.countAll<number | string>().as('published'),
      eb.fn
        .sum<number | string>(eb.case().when('i.published_on_time', '=', 1).then(1).else(0).end())
        .as('on_time'),
      eb.fn.count<number | string>('i.published_on_time').as('timing_known'),
    ])
    .execute()
  return rows.map((r) => ({
    agency_id: r.agency_id,
    published: Number(r.published),
    on_time: Number(r.on_time ?? 0),
    timing_known: Number(r.timing_known),
  }))
}

export interface AnswerFigures {
  agency_id: number
  answered: number
  answered_on_time: number
}

/**
 * Cases answered in the year (concluded with an answer: abandonment is not an answer) and how many by their
 * due date. A case whose due date is unknown (calendar year unknown) counts as answered, not as on time.
 */
export async function answerFigures(
  db: DB,
  subtree: Subtree,
  from: string,
  to: string,
): Promise<AnswerFigures[]> {
  const rows = await db
    .selectFrom('applications as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .where('a.path', 'like', `${subtree.path}%`)
    .where('a.id', '<>', subtree.officeId)
    .where('c.status', 'in', ['answered', 'closed'])
    .where('c.concluded_on', '>=', from)
    .where('c.concluded_on', '<=', to)
    .where((eb) => eb.or([eb('c.outcome', 'is', null), eb('c.outcome', 'not like', 'abandoned%')]))
    .groupBy('c.agency_id')
    .select((eb) => [
      'c.agency_id',
      eb.fn.countAll<number | string>().as('answered'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(sql<boolean>`c.due_date is not null and c.concluded_on <= c.due_date`)
            .then(1)
            .else(0)
            .end(),
        )
        .as('answered_on_time'),
    ])
    .execute()
  return rows.map((r) => ({
    agency_id: r.agency_id,
    answered: Number(r.answered),
    answered_on_time: Number(r.answered_on_time ?? 0),
  }))
}

/** Open cases past their due date on `today` (the work queue's "overdue" predicate). */
export async function overdueFigures(
  db: DB,
  subtree: Subtree,
  openStatuses: readonly string[],
  today: string,
): Promise<{ agency_id: number; overdue: number }[]> {
  const rows = await db
    .selectFrom('applications as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .where('a.path', 'like', `${subtree.path}%`)
    .where('a.id', '<>', subtree.officeId)
    .where('c.status', 'in', [...openStatuses])
    .where('c.due_date', '<', today)
    .groupBy('c.agency_id')
    .select((eb) => ['c.agency_id', eb.fn.countAll<number | string>().as('overdue')])
    .execute()
  return rows.map((r) => ({ agency_id: r.agency_id, overdue: Number(r.overdue) }))
}

export interface AppealFigures {
  agency_id: number
  review_concluded: number
  review_corrected: number
  litigation_concluded: number
  litigation_corrected: number
}

/** 复议 and 诉讼 concluded in the year, and those whose result was 纠正. */
export async function appealFigures(
  db: DB,
  subtree: Subtree,
  from: string,
  to: string,
): Promise<AppealFigures[]> {
  const isReview = sql<boolean>`p.kind = 'review'`
  const isCorrected = sql<boolean>`p.outcome = 'corrected'`
  const rows = await db
    .selectFrom('appeals as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .where('a.path', 'like', `${subtree.path}%`)
    .where('a.id', '<>', subtree.officeId)
    .where('p.outcome', '<>', 'pending')
    .where('p.concluded_on', '>=', from)
    .where('p.concluded_on', '<=', to)
    .groupBy('p.agency_id')
    .select((eb) => [
      'p.agency_id',
      eb.fn.sum<number | string>(eb.case().when(isReview).then(1).else(0).end()).as('review_concluded'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(sql<boolean>`${isReview} and ${isCorrected}`)
            .then(1)
            .else(0)
            .end(),
        )
        .as('review_corrected'),
      eb.fn.sum<number | string>(eb.case().when(isReview).then(0).else(1).end()).as('litigation_concluded'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(sql<boolean>`not (${isReview}) and ${isCorrected}`)
            .then(1)
            .else(0)
            .end(),
        )
        .as('litigation_corrected'),
    ])
    .execute()
  return rows.map((r) => ({
    agency_id: r.agency_id,
    review_concluded: Number(r.review_concluded ?? 0),
    review_corrected: Number(r.review_corrected ?? 0),
    litigation_concluded: Number(r.litigation_concluded ?? 0),
    litigation_corrected: Number(r.litigation_corrected ?? 0),
  }))
}

/** First publication (version 1's time) of each agency's report for the year. */
export async function reportFirstPublished(
  db: DB,
  subtree: Subtree,
  year: number,
): Promise<{ agency_id: number; first_published_at: string }[]> {
  const rows = await db
    .selectFrom('report_versions as v')
    .innerJoin('agencies as a', 'a.id', 'v.agency_id')
    .where('a.path', 'like', `${subtree.path}%`)
    .where('a.id', '<>', subtree.officeId)
    .where('v.year', '=', year)
    .groupBy('v.agency_id')
    .select((eb) => ['v.agency_id', eb.fn.min<string>('v.published_at').as('first_published_at')])
    .execute()
  return rows.map((r) => ({ agency_id: r.agency_id, first_published_at: String(r.first_published_at) }))
}
