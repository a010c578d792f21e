// Migrations: an explicit list (no folder scan, so bundling or a stray file cannot change what runs), applied
// in name order by Kysely's Migrator. A new migration is one import and one line here.
import { Migrator } from 'kysely'
import type { DatabaseIntrospector, Migration, MigrationProvider, MigrationResult } from 'kysely'
import type { DB } from './database.ts'
import { engineOf } from './dialects/engine.ts'
import { currentSchema, schemaIntrospector } from './schema-introspection.queries.ts'
import * as createAccounts from './migrations/2026_11_26_2340_create_accounts.ts'
import * as createSessions from './migrations/2026_11_26_2341_create_sessions.ts'
import * as createAuditLog from './migrations/2026_11_26_2342_create_audit_log.ts'
import * as createCatalogue from './migrations/2026_11_27_0300_create_catalogue.ts'
import * as createSearch from './migrations/2026_11_27_0400_create_search.ts'
import * as createApplications from './migrations/2026_11_27_0500_create_applications.ts'
import * as createCalendarOverrides from './migrations/2026_11_27_0600_create_calendar_overrides.ts'
import * as createAppealsAndReportFigures from './migrations/2026_11_27_0800_create_appeals_and_report_figures.ts'
import * as indexOpenApplications from './migrations/2026_11_27_0805_index_open_applications.ts'
import * as reportCoveringIndexes from './migrations/2026_11_27_0810_report_covering_indexes.ts'
import * as createReportDraftsAndVersions from './migrations/2026_11_27_1000_create_report_drafts_and_versions.ts'
import * as createBulkImportCheckpoints from './migrations/2026_11_27_1100_create_bulk_import_checkpoints.ts'
import * as createScheduledJobs from './migrations/2026_11_27_1110_create_scheduled_jobs.ts'
import * as createRateLimitHits from './migrations/2026_11_27_1120_create_rate_limit_hits.ts'
import * as indexConsoleItemList from './migrations/2026_11_27_1200_index_console_item_list.ts'
import * as reportReceivedOutcomeIndex from './migrations/2026_11_27_1205_report_received_outcome_index.ts'
import * as searchPrivateLexemes from './migrations/2026_11_27_1300_search_private_lexemes.ts'
import * as searchTitleGramBounds from './migrations/2026_11_28_0100_search_title_gram_bounds.ts'
import * as searchRowStorage from './migrations/2026_11_28_0300_search_row_storage.ts'

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_26_2340_create_accounts': createAccounts,
  '2026_11_26_2341_create_sessions': createSessions,
  '2026_11_26_2342_create_audit_log': createAuditLog,
  '2026_11_27_0300_create_catalogue': createCatalogue,
  '2026_11_27_0400_create_search': createSearch,
  '2026_11_27_0500_create_applications': createApplications,
  '2026_11_27_0600_create_calendar_overrides': createCalendarOverrides,
  '2026_11_27_0800_create_appeals_and_report_figures': createAppealsAndReportFigures,
  '2026_11_27_0805_index_open_applications': indexOpenApplications,
  '2026_11_27_0810_report_covering_indexes': reportCoveringIndexes,
  '2026_11_27_1000_create_report_drafts_and_versions': createReportDraftsAndVersions,
  '2026_11_27_1100_create_bulk_import_checkpoints': createBulkImportCheckpoints,
  '2026_11_27_1110_create_scheduled_jobs': createScheduledJobs,
  '2026_11_27_1120_create_rate_limit_hits': createRateLimitHits,
  '2026_11_27_1200_index_console_item_list': indexConsoleItemList,
  '2026_11_27_1205_report_received_outcome_index': reportReceivedOutcomeIndex,
  '2026_11_27_1300_search_private_lexemes': searchPrivateLexemes,
  '2026_11_28_0100_search_title_gram_bounds': searchTitleGramBounds,
  '2026_11_28_0300_search_row_storage': searchRowStorage,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) }

/**
 * Migrations written on parallel branches land in any order, so a database that already ran a later-named
 * one must still accept an earlier-named newcomer (Kysely refuses that by default). Each migration touches
 * only its own tables and indexes, so their relative order does not matter.
 */
const ORDER = { allowUnorderedMigrations: true } as const

/**
 * On PostgreSQL the migration bookkeeping tables are named in the connection's current schema: unqualified,
 * Kysely looks them up in any schema of the database, so a second installation (or a test's schema) in the
 * same database would be taken as already migrated. The migrator also sees only that schema's tables
 * (schemaIntrospector): Kysely's own introspector reads every schema and fails when another one is dropped
 * while it runs.
 */
async function migrator(db: DB): Promise<Migrator> {
  if (engineOf(db) !== 'postgres') return new Migrator({ db, provider, ...ORDER })
  const schema = await currentSchema(db)
  if (schema === undefined) return new Migrator({ db, provider, ...ORDER })
  return new Migrator({
    db: withIntrospector(db, schemaIntrospector(db, schema)),
    provider,
    ...ORDER,
    migrationTableSchema: schema,
  })
}

/** `db` as it is, except that `db.introspection` answers with `introspector`. */
function withIntrospector(db: DB, introspector: DatabaseIntrospector): DB {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspector
      // Kysely's methods use private fields, so they must run on the instance itself, not the proxy.
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

function check(error: unknown, results: MigrationResult[] | undefined): string[] {
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(
      `Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    )
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Apply every pending migration; returns the names applied (empty when already up to date). */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const { error, results } = await (await migrator(db)).migrateToLatest()
  return check(error, results)
}

/** Undo the most recent migration; returns its name (for development and the migration tests). */
export async function migrateDown(db: DB): Promise<string[]> {
  const { error, results } = await (await migrator(db)).migrateDown()
  return check(error, results)
}
