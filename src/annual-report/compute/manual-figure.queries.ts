// SQL of the 表二 figures entered by hand: read per agency set and year, upsert, delete.
import type { DB } from '../../storage/index.ts'
import type { AgencySet } from './scope.ts'
import type { ReportManualFigureTable } from './manual-figure.table.ts'

export async function manualFigureRows(
  db: DB,
  agencies: AgencySet,
  year: number,
): Promise<ReportManualFigureTable[]> {
  let q = db.selectFrom('report_manual_figures').selectAll().where('year', '=', year)
  if (agencies.kind === 'one') q = q.where('agency_id', '=', agencies.agencyId)
  else {
    q = q.where('agency_id', 'in', (eb) =>
      eb
        .selectFrom('agencies')
        .select('agencies.id')
        .where('agencies.path', 'like', `${agencies.path}%`)
        .where('agencies.id', '<>', agencies.excludeAgencyId),
    )
  }
  return q.execute()
}

export async function upsertManualFigure(db: DB, row: ReportManualFigureTable): Promise<void> {
  await db
    .insertInto('report_manual_figures')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year', 'cell']).doUpdateSet({
        value: row.value,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute()
}

export async function deleteManualFigure(
  db: DB,
  agencyId: number,
  year: number,
  cell: string,
): Promise<void> {
  await db
    .deleteFrom('report_manual_figures')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('cell', '=', cell)
    .execute()
}

/** Agency name and path (the accounts module owns the table). */
export async function findAgencyInfo(
  db: DB,
  agencyId: number,
): Promise<{ id: number; name: string; path: string; kind: string } | undefined> {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', '=', agencyId)
    .executeTakeFirst()
}

/** Names of the agencies below a path (without `excludeAgencyId`), for aggregation listings. */
export async function subtreeAgencies(
  db: DB,
  path: string,
  excludeAgencyId: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('path', 'like', `${path}%`)
    .where('id', '<>', excludeAgencyId)
    .orderBy('id')
    .execute()
}
