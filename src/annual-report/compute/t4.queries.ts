// 表四 from the appeals records, aggregated in SQL by agency, kind and outcome at the year's end.
// Which cases a year counts is not settled nationally (format-and-law.md §1.5 C10, §9.4 [unverified]):
//   - `filed_or_concluded` (default): filed in the year, plus cases filed earlier and concluded in it (a case
//     pending at last year's end is counted again with its result) — keeps both dates, as the notes advise;
//   - `filed`: only cases filed in the year, with their outcome as it stood at the year's end.
// A case concluded after the year's end was 尚未审结 at it. Records where the agency is only the 复议机关 as
// co-defendant are left out by default (counted for the original agency, 国办公开办函〔2016〕201号 [verified];
// that it still governs under the 2019 条例 is practice [unverified]).
import { sql } from 'kysely'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database, DB } from '../../storage/index.ts'
import type { AgencySet } from './scope.ts'
import { yearBounds } from './scope.ts'

export type T4Scope = 'filed_or_concluded' | 'filed'

export interface T4Options {
  readonly scope: T4Scope
  /** Count records where the agency is only the 复议机关 as co-defendant (default false, per 〔2016〕201号). */
  readonly countCoDefendantAsReviewBody: boolean
}

export interface T4Row {
  agency_id: number
  kind: string
  /** The outcome at the year's end: the stored outcome, or `pending` when concluded later or not at all. */
  outcome_at_end: string
  n: number
}

type AppealsEb = ExpressionBuilder<Database, 'appeals'>

function counted(year: number, options: T4Options) {
  const { from, to } = yearBounds(year)
  return (eb: AppealsEb): Expression<SqlBool> => {
    const filed = eb.and([eb('appeals.filed_on', '>=', from), eb('appeals.filed_on', '<=', to)])
    const scope =
      options.scope === 'filed'
        ? filed
        : eb.or([
            filed,
            eb.and([
              eb('appeals.filed_on', '<', from),
              eb('appeals.concluded_on', '>=', from),
              eb('appeals.concluded_on', '<=', to),
            ]),
          ])
    return options.countCoDefendantAsReviewBody
      ? scope
      : eb.and([scope, eb('appeals.agency_role', '=', 'original')])
  }
}

function outcomeAtEnd(year: number) {
  // A literal, not a parameter: PostgreSQL only matches the GROUP BY expression to the selected one when both
  // are textually the same, and two parameters are two different expressions to it. `to` comes from an integer.
  const { to } = yearBounds(year)
  return sql<string>`case when appeals.concluded_on is null or appeals.concluded_on > ${sql.lit(to)} then 'pending' else appeals.outcome end`
}

function appealsOf(db: DB, agencies: AgencySet) {
  const q = db.selectFrom('appeals')
  if (agencies.kind === 'one') return q.where('appeals.agency_id', '=', agencies.agencyId)
  return q.where('appeals.agency_id', 'in', (eb) =>
    eb
      .selectFrom('agencies')
      .select('agencies.id')
      .where('agencies.path', 'like', `${agencies.path}%`)
      .where('agencies.id', '<>', agencies.excludeAgencyId),
  )
}

export async function t4Rows(
  db: DB,
  agencies: AgencySet,
  year: number,
  options: T4Options,
): Promise<T4Row[]> {
  const outcome = outcomeAtEnd(year)
  const rows = await appealsOf(db, agencies)
    .where(counted(year, options))
    .select(['appeals.agency_id', 'appeals.kind', outcome.as('outcome_at_end')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['appeals.agency_id', 'appeals.kind', outcome])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Ids of the records behind one 表四 cell; `outcome` undefined = the kind's 总计. */
export async function t4CellIds(
  db: DB,
  args: { agencyId: number; year: number; kind: string; outcome?: string; options: T4Options },
): Promise<number[]> {
  let q = appealsOf(db, { kind: 'one', agencyId: args.agencyId })
    .where(counted(args.year, args.options))
    .where('appeals.kind', '=', args.kind)
  if (args.outcome !== undefined) q = q.where(outcomeAtEnd(args.year), '=', args.outcome)
  return (await q.select('appeals.id').orderBy('appeals.id').execute()).map((r) => r.id)
}
