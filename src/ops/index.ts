/**
 * Operations: backup and restore of the database and uploaded files, and the figures `/metrics` reports.
 * Used by the CLI (`gongkai backup`, `gongkai restore`) and the web server's metrics route.
 */

/** Write a backup (directory, .tar or .tgz) of the configured database and uploads. */
export { createBackup } from './backup.ts'
export type { BackupConfig, BackupResult, OnStep } from './backup.ts'
/** Restore a backup after verifying its checksums; refuses a non-empty target unless forced. */
export { restoreBackup, RestoreRefused } from './restore.ts'
export type { RestoreOptions, RestoreResult } from './restore.ts'
/** What a backup's manifest.json records. */
export type { BackupManifest } from './backup-manifest.ts'
/** Table listing and row reads used to compare a restore with its source, and the metrics' case counts. */
export {
  allRows,
  appliedMigrations,
  countOpenApplications,
  listTables,
  tablesWithRows,
} from './ops.queries.ts'
