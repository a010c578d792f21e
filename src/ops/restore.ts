// `gongkai restore IN [--force]`: verify every checksum of a backup first, refuse to overwrite a database
// (or uploads directory) that holds data unless forced, put the database and files in place, then migrate
// (a backup from an older release comes up to the running code's schema). Stop the service before restoring.
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { pgSchemaOf } from '../config.ts'
import { migrateToLatest, openDatabase, type DB } from '../storage/index.ts'
import { archiveKindOf, copyTree, hashFile, listFiles, unpackArchive } from './backup-files.ts'
import type { BackupConfig, OnStep } from './backup.ts'
import { manifestEntries, readManifest, UPLOADS_FOLDER, type BackupManifest } from './backup-manifest.ts'
import { tablesWithRows } from './ops.queries.ts'
import { dumpCreatesSchema, restoreDump } from './pg-tools.ts'

export interface RestoreOptions {
  /** Replace a database or uploads directory that already holds data. */
  readonly force?: boolean
  /** Only verify the backup (manifest, engine, every checksum); touch nothing. */
  readonly checkOnly?: boolean
  readonly onStep?: OnStep
}

export interface RestoreResult {
  readonly manifest: BackupManifest
  /** Migrations applied after the restore (the backup was older than this release). */
  readonly migrated: readonly string[]
}

/** A backup that cannot be restored (damaged, wrong engine) or a target that must not be overwritten. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

/** Every file the manifest names must be present with its size and hash, and nothing else may be there. */
async function verifyBackup(dir: string, manifest: BackupManifest): Promise<void> {
  for (const entry of manifestEntries(manifest)) {
    const found = await hashFile(path.join(dir, ...entry.path.split('/'))).catch(() => null)
    if (found === null) throw new RestoreRefused(`backup is incomplete: ${entry.path} is missing`)
    if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256) {
      throw new RestoreRefused(`backup is damaged: ${entry.path} does not match its checksum`)
    }
  }
  const named = new Set(manifest.files.map((f) => f.path))
  const extra = (await listFiles(path.join(dir, UPLOADS_FOLDER))).find(
    (f) => !named.has(`${UPLOADS_FOLDER}${f}`),
  )
  if (extra !== undefined) {
    throw new RestoreRefused(`backup holds a file its manifest does not name: ${extra}`)
  }
}

/** Tables of the target database that hold rows (an unreachable or absent database holds none). */
async function occupiedTables(config: BackupConfig): Promise<string[]> {
  if (config.database.engine === 'sqlite') {
    const exists = await stat(config.database.file).then(
      () => true,
      () => false,
    )
    if (!exists) return []
  }
  const db = openDatabase(config.database, { pgPoolSize: 1 })
  try {
    return await tablesWithRows(db)
  } finally {
    await db.destroy()
  }
}

async function restoreSqlite(file: string, copy: string): Promise<void> {
  const incoming = `${file}.restoring`
  await mkdir(path.dirname(file), { recursive: true })
  await copyFile(copy, incoming)
  const check = new SQLite(incoming)
  try {
    const result = check.pragma('integrity_check', { simple: true }) as string
    if (result !== 'ok') throw new RestoreRefused(`the backed-up database fails integrity_check: ${result}`)
  } finally {
    check.close()
  }
  // The old database's WAL must not be replayed onto the restored file.
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true })
  await rename(incoming, file)
}

async function restorePostgres(url: string, dump: string, manifest: BackupManifest): Promise<void> {
  const schema = pgSchemaOf(url)
  if (schema !== manifest.pgSchema) {
    throw new RestoreRefused(
      `backup is of PostgreSQL schema "${manifest.pgSchema ?? ''}"; DATABASE_URL names "${schema ?? ''}" ` +
        `(set options=-c search_path=${manifest.pgSchema ?? ''})`,
    )
  }
  const db: DB = openDatabase({ engine: 'postgres', url }, { pgPoolSize: 1 })
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db)
    if (!(await dumpCreatesSchema(dump, schema))) await sql`create schema ${sql.id(schema)}`.execute(db)
  } finally {
    await db.destroy()
  }
  await restoreDump(url, dump)
}

/** Replace `<dataDir>/uploads` with the backup's files, swapping directories so a failure leaves the old one. */
async function restoreUploads(dataDir: string, from: string): Promise<void> {
  const uploads = path.join(dataDir, 'uploads')
  const incoming = `${uploads}.restoring`
  await mkdir(dataDir, { recursive: true })
  await rm(incoming, { recursive: true, force: true })
  await mkdir(incoming)
  await copyTree(from, incoming, '')
  const old = `${uploads}.replaced-${Date.now()}`
  const hadOld = await rename(uploads, old).then(
    () => true,
    () => false,
  )
  await rename(incoming, uploads)
  if (hadOld) await rm(old, { recursive: true, force: true })
}

async function openBackup(input: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const source = path.resolve(input)
  if (archiveKindOf(source) === 'directory') return { dir: source, cleanup: () => Promise.resolve() }
  const dir = await mkdtemp(path.join(path.dirname(source), '.gongkai-restore-'))
  try {
    await unpackArchive(source, dir)
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw new RestoreRefused(`cannot unpack ${input}: ${err instanceof Error ? err.message : String(err)}`)
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Restore the backup at `input` (directory, .tar or .tgz) into the configured database and data directory. */
export async function restoreBackup(
  config: BackupConfig,
  input: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const step = options.onStep ?? (() => undefined)
  const { dir, cleanup } = await openBackup(input)
  try {
    const manifest = await readManifest(dir).catch((err: unknown) => {
      throw new RestoreRefused(err instanceof Error ? err.message : String(err))
    })
    if (manifest.engine !== config.database.engine) {
      throw new RestoreRefused(
        `backup is of a ${manifest.engine} database; this installation uses ${config.database.engine}`,
      )
    }
    step('正在校验备份文件…')
    await verifyBackup(dir, manifest)
    if (options.checkOnly === true) return { manifest, migrated: [] }
    const occupied = await occupiedTables(config)
    const uploadsInUse = (await listFiles(path.join(config.dataDir, 'uploads'))).length > 0
    if ((occupied.length > 0 || uploadsInUse) && options.force !== true) {
      const what = occupied.length > 0 ? `tables with data: ${occupied.join(', ')}` : 'uploaded files'
      throw new RestoreRefused(`the target is not empty (${what}); use --force to replace it`)
    }
    step('正在恢复数据库…')
    const dump = path.join(dir, ...manifest.database.path.split('/'))
    if (config.database.engine === 'sqlite') await restoreSqlite(config.database.file, dump)
    else await restorePostgres(config.database.url, dump, manifest)
    step('正在恢复上传的文件…')
    await restoreUploads(config.dataDir, path.join(dir, UPLOADS_FOLDER))
    step('正在升级数据库结构…')
    const db = openDatabase(config.database, { pgPoolSize: 1 })
    try {
      return { manifest, migrated: await migrateToLatest(db) }
    } finally {
      await db.destroy()
    }
  } finally {
    await cleanup()
  }
}
