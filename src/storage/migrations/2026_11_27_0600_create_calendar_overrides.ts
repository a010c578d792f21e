// Administrator corrections of the working-day calendar (calendar/): per-date overrides (a day off, a 调休
// working day, or back to the normal week) and years whose complete schedule an administrator has entered
// (the package lacks it, e.g. before it is updated after the State Council notice). Small tables, read whole.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    // holiday | makeup_workday | normal
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('calendar_declared_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'integer')
    .addColumn('declared_by_name', 'text')
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_declared_years').execute()
  await db.schema.dropTable('calendar_overrides').execute()
}
