// PostgreSQL introspection limited to one schema. Kysely's PostgresIntrospector reads every schema of the
// database and calls has_schema_privilege(name) and pg_get_serial_sequence(name) on each table it sees, so
// when another installation (or another test file) drops a schema or table at that moment, the query fails
// with "schema … does not exist" / "relation … does not exist". The migrator only needs its own schema, and
// this reads it from the catalogues by oid, with no function that looks a name up again. (A subquery on
// pg_depend for serial columns was tried: PostgreSQL hashed all of pg_depend for it, about 1 s per call with a
// hundred test schemas in the database; the column default tells the same.)
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql } from 'kysely'
import type { DatabaseIntrospector, DatabaseMetadataOptions, Kysely, TableMetadata } from 'kysely'

interface ColumnRow {
  table: string
  table_type: string
  column: string
  type: string
  type_schema: string
  not_null: boolean
  has_default: boolean
  auto_incrementing: boolean
}

/** The connection's current schema (the first existing schema of its search path). */
export async function currentSchema<T>(db: Kysely<T>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? undefined
}

/** Tables and views of `schema` with their columns, in the shape of Kysely's introspector. */
export async function schemaTables<T>(db: Kysely<T>, schema: string): Promise<TableMetadata[]> {
  const { rows } = await sql<ColumnRow>`
    select c.relname as table, c.relkind as table_type, a.attname as column,
           t.typname as type, tn.nspname as type_schema, a.attnotnull as not_null, a.atthasdef as has_default,
           (a.attidentity <> '' or coalesce(pg_get_expr(ad.adbin, ad.adrelid) like 'nextval(%', false))
             as auto_incrementing
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_catalog.pg_type t on t.oid = a.atttypid
    join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
    left join pg_catalog.pg_attrdef ad on ad.adrelid = c.oid and ad.adnum = a.attnum
    where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p')
    order by c.relname, a.attnum`.execute(db)
  const tables = new Map<string, TableMetadata>()
  for (const r of rows) {
    let table = tables.get(r.table)
    if (table === undefined) {
      table = { name: r.table, schema, isView: r.table_type === 'v', columns: [] }
      tables.set(r.table, table)
    }
    table.columns.push({
      name: r.column,
      dataType: r.type,
      dataTypeSchema: r.type_schema,
      isNullable: !r.not_null,
      isAutoIncrementing: r.auto_incrementing,
      hasDefaultValue: r.has_default,
    })
  }
  return [...tables.values()]
}

/** A DatabaseIntrospector that sees only `schema` (getSchemas reads pg_namespace alone, which is safe). */
export function schemaIntrospector<T>(db: Kysely<T>, schema: string): DatabaseIntrospector {
  const getTables = async (options?: DatabaseMetadataOptions): Promise<TableMetadata[]> => {
    const tables = await schemaTables(db, schema)
    if (options?.withInternalKyselyTables === true) return tables
    return tables.filter((t) => t.name !== DEFAULT_MIGRATION_TABLE && t.name !== DEFAULT_MIGRATION_LOCK_TABLE)
  }
  return {
    getSchemas: () => db.introspection.getSchemas(),
    getTables,
    getMetadata: async (options) => ({ tables: await getTables(options) }),
  }
}
