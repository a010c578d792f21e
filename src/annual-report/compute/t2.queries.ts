// 表二 第二十条第（一）项 from the catalogue: published 规章 and 行政规范性文件 (item types `rule`,
// `normative_document`; withdrawn items are not counted). The conventions are [derived]; the form defines none:
//   - 制发 in the year: 成文日期 in the year (发布日期 when no 成文日期 was recorded);
//   - 废止 in the year: validity 废止 with its 废止日期 in the year (失效 too, when the option says so: a
//     time-limited document that lapses is not 废止 in the usual reading, X-T2-2021-VALID-STOCK);
//   - 现行有效 at the year's end: 制发 by then and not yet ceased by then (a document marked 失效/废止 without a date
//     is taken as ceased).
// 2019 试行 columns: 本年新制作 = 成文日期 in the year, 本年新公开 = 发布日期 in the year, 对外公开总数量 = published by
// the year's end.
import { sql } from 'kysely'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database, DB } from '../../storage/index.ts'
import type { AgencySet } from './scope.ts'
import { yearBounds } from './scope.ts'

export const COUNTED_ITEM_TYPES = ['rule', 'normative_document'] as const

export interface T2CatalogueRow {
  agency_id: number
  item_type: string
  issued: number
  repealed: number
  valid_at_end: number
  published_in_year: number
  published_by_end: number
}

type ItemsEb = ExpressionBuilder<Database, 'catalogue_items'>

/** The predicates of each counted quantity, shared by the aggregate and the drill-down. */
export function t2Predicates(year: number, repealIncludesExpired: boolean) {
  const { from, to } = yearBounds(year)
  const made = sql<string>`coalesce(catalogue_items.written_on, catalogue_items.published_on)`
  const ceasedStates = repealIncludesExpired ? ['repealed', 'expired'] : ['repealed']
  return {
    issued: (eb: ItemsEb): Expression<SqlBool> => eb.and([eb(made, '>=', from), eb(made, '<=', to)]),
    repealed: (eb: ItemsEb): Expression<SqlBool> =>
      eb.and([
        eb('catalogue_items.validity', 'in', ceasedStates),
        eb('catalogue_items.repealed_on', '>=', from),
        eb('catalogue_items.repealed_on', '<=', to),
      ]),
    validAtEnd: (eb: ItemsEb): Expression<SqlBool> =>
      eb.and([
        eb(made, '<=', to),
        eb.or([eb('catalogue_items.validity', '=', 'valid'), eb('catalogue_items.repealed_on', '>', to)]),
      ]),
    publishedInYear: (eb: ItemsEb): Expression<SqlBool> =>
      eb.and([eb('catalogue_items.published_on', '>=', from), eb('catalogue_items.published_on', '<=', to)]),
    publishedByEnd: (eb: ItemsEb): Expression<SqlBool> => eb('catalogue_items.published_on', '<=', to),
  }
}

function countedItems(db: DB, agencies: AgencySet) {
  let q = db
    .selectFrom('catalogue_items')
    .where('catalogue_items.item_type', 'in', [...COUNTED_ITEM_TYPES])
    .where('catalogue_items.status', '=', 'published')
  if (agencies.kind === 'one') return q.where('catalogue_items.agency_id', '=', agencies.agencyId)
  q = q.where('catalogue_items.agency_id', 'in', (eb) =>
    eb
      .selectFrom('agencies')
      .select('agencies.id')
      .where('agencies.path', 'like', `${agencies.path}%`)
      .where('agencies.id', '<>', agencies.excludeAgencyId),
  )
  return q
}

const flag = (cond: Expression<SqlBool>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`

export async function t2CatalogueRows(
  db: DB,
  agencies: AgencySet,
  year: number,
  repealIncludesExpired: boolean,
): Promise<T2CatalogueRow[]> {
  const p = t2Predicates(year, repealIncludesExpired)
  const rows = await countedItems(db, agencies)
    .select(['catalogue_items.agency_id', 'catalogue_items.item_type'])
    .select((eb) => [
      flag(p.issued(eb)).as('issued'),
      flag(p.repealed(eb)).as('repealed'),
      flag(p.validAtEnd(eb)).as('valid_at_end'),
      flag(p.publishedInYear(eb)).as('published_in_year'),
      flag(p.publishedByEnd(eb)).as('published_by_end'),
    ])
    .groupBy(['catalogue_items.agency_id', 'catalogue_items.item_type'])
    .execute()
  return rows.map((r) => ({
    agency_id: r.agency_id,
    item_type: r.item_type,
    issued: Number(r.issued),
    repealed: Number(r.repealed),
    valid_at_end: Number(r.valid_at_end),
    published_in_year: Number(r.published_in_year),
    published_by_end: Number(r.published_by_end),
  }))
}

export type T2Quantity = keyof ReturnType<typeof t2Predicates>

/** Ids of the catalogue items behind one 表二 （一） cell. */
export async function t2CellIds(
  db: DB,
  args: {
    agencyId: number
    year: number
    itemType: string
    quantity: T2Quantity
    repealIncludesExpired: boolean
  },
): Promise<number[]> {
  const p = t2Predicates(args.year, args.repealIncludesExpired)
  const rows = await countedItems(db, { kind: 'one', agencyId: args.agencyId })
    .where('catalogue_items.item_type', '=', args.itemType)
    .where((eb) => p[args.quantity](eb))
    .select('catalogue_items.id')
    .orderBy('catalogue_items.id')
    .execute()
  return rows.map((r) => r.id)
}
