// SQL of the appeals records: insert, update the outcome, read one, list by agency (and year).
import type { DB } from '../storage/index.ts'
import type { Appeal, AgencyRole, AppealKind, AppealOutcome } from './appeal.ts'
import type { AppealRow, NewAppealRow } from './appeal.table.ts'

export function toAppeal(row: AppealRow): Appeal {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as AppealKind,
    caseNumber: row.case_number,
    filedOn: row.filed_on,
    applicationId: row.application_id,
    agencyRole: row.agency_role as AgencyRole,
    outcome: row.outcome as AppealOutcome,
    concludedOn: row.concluded_on,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** An agency's id and path (the accounts module owns the table), for policy decisions. */
export async function findAgencyPath(db: DB, agencyId: number): Promise<string | undefined> {
  const row = await db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst()
  return row?.path
}

/** The agency a 依申请公开 case belongs to, to check that an appeal names a case of its own agency. */
export async function findApplicationAgency(db: DB, applicationId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('applications')
    .select('agency_id')
    .where('id', '=', applicationId)
    .executeTakeFirst()
  return row?.agency_id
}

export async function findAppealByCaseNumber(
  db: DB,
  agencyId: number,
  kind: AppealKind,
  caseNumber: string,
): Promise<AppealRow | undefined> {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .where('case_number', '=', caseNumber)
    .executeTakeFirst()
}

export async function insertAppeal(db: DB, row: NewAppealRow): Promise<AppealRow> {
  return db.insertInto('appeals').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findAppealWithPath(
  db: DB,
  id: number,
): Promise<(AppealRow & { agency_path: string }) | undefined> {
  return db
    .selectFrom('appeals')
    .innerJoin('agencies', 'agencies.id', 'appeals.agency_id')
    .selectAll('appeals')
    .select('agencies.path as agency_path')
    .where('appeals.id', '=', id)
    .executeTakeFirst()
}

export async function updateAppealOutcome(
  db: DB,
  id: number,
  values: { outcome: AppealOutcome; concluded_on: string | null; updated_at: string },
): Promise<AppealRow> {
  return db.updateTable('appeals').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** An agency's records, newest filing first; with `year`, those filed or concluded in that year. */
export async function listAppealRows(
  db: DB,
  args: { agencyId: number; year?: number; kind?: AppealKind; limit: number; offset: number },
): Promise<{ rows: AppealRow[]; total: number }> {
  let q = db.selectFrom('appeals').where('agency_id', '=', args.agencyId)
  if (args.kind !== undefined) q = q.where('kind', '=', args.kind)
  if (args.year !== undefined) {
    const from = `${args.year}-01-01`
    const to = `${args.year}-12-31`
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('filed_on', '>=', from), eb('filed_on', '<=', to)]),
        eb.and([eb('concluded_on', '>=', from), eb('concluded_on', '<=', to)]),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('filed_on', 'desc')
      .orderBy('id', 'desc')
      .limit(args.limit)
      .offset(args.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
