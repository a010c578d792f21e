import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { buildUser } from '../../test/factories.ts'
import { createTestDb, describeDb, TEST_ENGINE, useTestDb } from '../../test/create-test-db.ts'
import { recordAudit } from '../accounts/audit.queries.ts'
import type { DB } from './database.ts'
import { engineOf } from './dialects/engine.ts'
import { migrateDown, migrateToLatest, MIGRATIONS } from './migrate.ts'
import { currentSchema, schemaIntrospector } from './schema-introspection.queries.ts'
import { DATABASE_COLUMNS, ENGINE_INTERNAL_TABLES } from './schema-columns.ts'

async function migratedColumns(db: DB): Promise<Record<string, string[]>> {
  // On PostgreSQL only this file's schema: reading every schema races with other files dropping theirs.
  const schema = engineOf(db) === 'postgres' ? await currentSchema(db) : undefined
  const tables =
    schema === undefined
      ? await db.introspection.getTables()
      : await schemaIntrospector(db, schema).getTables()
  const out: Record<string, string[]> = {}
  const internal = new Set(ENGINE_INTERNAL_TABLES[engineOf(db)])
  for (const t of tables.filter((t) => !internal.has(t.name))) {
    out[t.name] = t.columns.map((c) => c.name).sort()
  }
  return out
}

function declaredColumns(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(DATABASE_COLUMNS).map(([t, cols]) => [t, [...cols].sort()]))
}

describeDb('migrations', () => {
  // From an empty database, not the migrated template the other files copy.
  const t = useTestDb({ fromEmpty: true })

  it('leave exactly the tables and columns the Database interface declares', async () => {
    expect(await migratedColumns(t.db)).toEqual(declaredColumns())
  })

  it('are already applied after connect, so a second run applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([])
  })

  it('leave the same tables, columns and applied list in the template copy every other test file gets', async () => {
    const copy = await createTestDb()
    try {
      expect(await migratedColumns(copy.db)).toEqual(declaredColumns())
      expect(await migrateToLatest(copy.db)).toEqual([])
    } finally {
      await copy.destroy()
    }
  })

  it('roll back every migration and apply them again to the same schema', async () => {
    const names = Object.keys(MIGRATIONS)
    for (const name of [...names].reverse()) expect(await migrateDown(t.db)).toEqual([name])
    expect(await migratedColumns(t.db)).toEqual({})
    expect(await migrateToLatest(t.db)).toEqual(names)
    expect(await migratedColumns(t.db)).toEqual(declaredColumns())
  })

  it('accept a migration named before ones already applied (branches land in any order)', async () => {
    const earlier = '2026_11_27_0600_create_calendar_overrides'
    const migration = MIGRATIONS[earlier]
    expect(migration).toBeDefined()
    // Make the database look as if it had run every later migration but not this one.
    await migration?.down?.(t.db)
    await sql`delete from kysely_migration where name = ${earlier}`.execute(t.db)
    expect(await migrateToLatest(t.db)).toEqual([earlier])
    expect(await migratedColumns(t.db)).toEqual(declaredColumns())
  })

  it('make the audit log append-only: UPDATE, DELETE (and TRUNCATE on PostgreSQL) are rejected', async () => {
    const { actor } = await buildUser(t.db)
    await recordAudit(t.db, actor, {
      action: 'test.write',
      targetType: 'test',
      targetId: 1,
      agencyId: actor.agencyId,
    })
    await expect(t.db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    if (t.engine === 'postgres') {
      await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/)
    }
    const rows = await t.db.selectFrom('audit_log').select('action').execute()
    expect(rows.map((r) => r.action)).toEqual(['test.write'])
  })

  it('enforce foreign keys (a user of a missing agency is refused)', async () => {
    const now = new Date().toISOString()
    await expect(
      t.db
        .insertInto('users')
        .values({
          agency_id: 999_999,
          username: 'orphan',
          display_name: '孤儿',
          password_hash: 'x',
          must_change_password: 0,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i)
  })
})

describeDb('migrations beside another installation in the same PostgreSQL database', () => {
  const t = useTestDb()

  it.skipIf(TEST_ENGINE !== 'postgres')(
    'keeps its bookkeeping in its own schema, so a second schema is migrated from scratch',
    async () => {
      const current = await currentSchema(t.db)
      const other = `${current}_second`
      await sql`create schema ${sql.id(other)}`.execute(t.db)
      try {
        // t.db's pool may hand out other connections: migrate on one connection pinned to the second schema.
        await t.db.connection().execute(async (conn) => {
          await sql`set search_path to ${sql.id(other)}`.execute(conn)
          try {
            expect(await migrateToLatest(conn)).toEqual(Object.keys(MIGRATIONS).sort())
            const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
            where table_schema = ${other} and table_name = 'agencies'`.execute(conn)
            expect(tables.rows[0]?.n).toBe(1)
          } finally {
            // Back to the pool with this file's schema, not the one dropped below.
            await sql`reset search_path`.execute(conn)
          }
        })
      } finally {
        await sql`drop schema ${sql.id(other)} cascade`.execute(t.db)
      }
    },
  )

  it.skipIf(TEST_ENGINE !== 'postgres')(
    'still migrates when another schema of the database is dropped while it reads the catalogue',
    async () => {
      const current = await currentSchema(t.db)
      const other = `${current}_dropped`
      await sql`create schema ${sql.id(other)}`.execute(t.db)
      await sql`create table ${sql.id(other)}.t (id serial primary key)`.execute(t.db)
      await t.db.connection().execute(async (conn) => {
        // A repeatable-read snapshot taken before the drop still lists the other schema, as a catalogue read
        // running at the moment of a drop does; looking that schema up by name then fails.
        await sql`begin isolation level repeatable read`.execute(conn)
        try {
          await sql`select count(*) from pg_catalog.pg_namespace`.execute(conn)
          await sql`drop schema ${sql.id(other)} cascade`.execute(t.db)
          expect(await migrateToLatest(conn)).toEqual([])
        } finally {
          await sql`rollback`.execute(conn)
        }
      })
    },
  )
})
