// SQL for the calendar's administrator corrections. Functions take `db` or a transaction first.
import type { DB } from '../storage/index.ts'
import type { CalendarDeclaredYearRow, CalendarOverrideRow } from './calendar.table.ts'

export function listOverrideRows(db: DB): Promise<CalendarOverrideRow[]> {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute()
}

export function listDeclaredYearRows(db: DB): Promise<CalendarDeclaredYearRow[]> {
  return db.selectFrom('calendar_declared_years').selectAll().orderBy('year').execute()
}

export async function findOverrideRow(db: DB, date: string): Promise<CalendarOverrideRow | undefined> {
  return db.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst()
}

export async function insertOverrideRow(db: DB, row: CalendarOverrideRow): Promise<void> {
  await db.insertInto('calendar_overrides').values(row).execute()
}

export async function deleteOverrideRow(db: DB, date: string): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', date).execute()
}

export async function findDeclaredYearRow(
  db: DB,
  year: number,
): Promise<CalendarDeclaredYearRow | undefined> {
  return db.selectFrom('calendar_declared_years').selectAll().where('year', '=', year).executeTakeFirst()
}

export async function insertDeclaredYearRow(db: DB, row: CalendarDeclaredYearRow): Promise<void> {
  await db.insertInto('calendar_declared_years').values(row).execute()
}

export async function deleteDeclaredYearRow(db: DB, year: number): Promise<void> {
  await db.deleteFrom('calendar_declared_years').where('year', '=', year).execute()
}
