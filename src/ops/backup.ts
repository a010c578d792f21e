// `gongkai backup OUT`: a consistent copy of the database and the uploaded files, with a manifest of versions,
// checksums and the migration level. SQLite is copied with its online backup API (page by page while the
// server keeps serving); PostgreSQL with pg_dump's custom format for the schema named in DATABASE_URL.
// The database is copied first, then the files: uploads are content-addressed and written before the row
// that names them commits, so every file the copied database refers to is already on disk.
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import packageJson from '../../package.json' with { type: 'json' }
import { pgSchemaOf, type Config } from '../config.ts'
import { openDatabase, type Database } from '../storage/index.ts'
import { archiveKindOf, copyTree, hashFile, packArchive } from './backup-files.ts'
import {
  DATABASE_FILE,
  newManifest,
  UPLOADS_FOLDER,
  writeManifest,
  type BackupManifest,
} from './backup-manifest.ts'
import { dumpSchema, toolMajorVersion } from './pg-tools.ts'
import { appliedMigrations, postgresServerVersion } from './ops.queries.ts'

/** The part of the configuration a backup or restore needs. */
export type BackupConfig = Pick<Config, 'database' | 'dataDir'>

export interface BackupResult {
  /** Where the backup was written (directory, .tar or .tgz). */
  readonly out: string
  readonly manifest: BackupManifest
}

/** Progress messages (one line each) for the CLI. */
export type OnStep = (message: string) => void

async function assertFreshTarget(out: string): Promise<void> {
  const entries = await readdir(out).catch((err: unknown) => {
    if (
      (err as NodeJS.ErrnoException).code === 'ENOENT' ||
      (err as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return null
    }
    throw err
  })
  if (entries === null) {
    const exists = await readdir(path.dirname(out)).then((names) => names.includes(path.basename(out)))
    if (exists) throw new Error(`${out} already exists; a backup never overwrites`)
    return
  }
  if (entries.length > 0) throw new Error(`${out} is not empty; a backup never overwrites`)
}

/** SQLite: online backup, then made self-contained (rollback journal) and checked; returns applied migrations. */
async function backupSqlite(file: string, target: string): Promise<{ migrations: string[]; engine: string }> {
  const source = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    // One step copies every page inside one read transaction: a consistent snapshot (WAL lets the server keep
    // writing meanwhile). Small steps would restart whenever the server commits, and might never finish.
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) })
  } finally {
    source.close()
  }
  const copy = new SQLite(target)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) })
  try {
    // A copy in WAL mode would need its -wal/-shm companions; the journal mode is set again on open.
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') throw new Error(`the copied database fails quick_check: ${check}`)
    return {
      migrations: await appliedMigrations(db),
      engine: `SQLite ${String(copy.prepare('select sqlite_version() as v').pluck().get())}`,
    }
  } finally {
    await db.destroy()
  }
}

async function backupPostgres(
  url: string,
  target: string,
): Promise<{ migrations: string[]; engine: string; tool: string; schema: string }> {
  const schema = pgSchemaOf(url)
  if (schema === null) throw new Error('DATABASE_URL names an invalid schema')
  const db = openDatabase({ engine: 'postgres', url }, { pgPoolSize: 1 })
  try {
    const serverVersion = await postgresServerVersion(db)
    const tool = await toolMajorVersion('pg_dump')
    const serverMajor = Number(/^\d+/.exec(serverVersion)?.[0] ?? 0)
    if (tool.major < serverMajor) {
      throw new Error(
        `${tool.text} cannot dump PostgreSQL ${serverVersion}: install pg_dump ${serverMajor} or newer`,
      )
    }
    const migrations = await appliedMigrations(db)
    await dumpSchema(url, schema, target)
    return { migrations, engine: `PostgreSQL ${serverVersion}`, tool: tool.text, schema }
  } finally {
    await db.destroy()
  }
}

/**
 * Write a backup to `out`: a new directory, or a `.tar` / `.tgz` file (packed from a temporary directory
 * beside it). Never overwrites anything.
 */
export async function createBackup(
  config: BackupConfig,
  out: string,
  onStep: OnStep = () => undefined,
): Promise<BackupResult> {
  const target = path.resolve(out)
  await assertFreshTarget(target)
  const kind = archiveKindOf(target)
  await mkdir(path.dirname(target), { recursive: true })
  const dir = kind === 'directory' ? target : await mkdtemp(`${target}.partial-`)
  await mkdir(dir, { recursive: true })
  try {
    const engine = config.database.engine
    const dbFile = path.join(dir, DATABASE_FILE[engine])
    onStep(`正在备份数据库（${engine}）…`)
    const info =
      config.database.engine === 'sqlite'
        ? { ...(await backupSqlite(config.database.file, dbFile)), tool: undefined, schema: undefined }
        : await backupPostgres(config.database.url, dbFile)
    onStep('正在复制上传的文件…')
    const files = await copyTree(
      path.join(config.dataDir, 'uploads'),
      path.join(dir, UPLOADS_FOLDER),
      UPLOADS_FOLDER,
      (relative) => relative.endsWith('.tmp'),
    )
    const manifest = newManifest({
      versions: {
        gongkai: packageJson.version,
        node: process.version,
        engine: info.engine,
        ...(info.tool === undefined ? {} : { tool: info.tool }),
      },
      engine,
      ...(info.schema === undefined ? {} : { pgSchema: info.schema }),
      migrations: info.migrations,
      database: { path: DATABASE_FILE[engine], ...(await hashFile(dbFile)) },
      files,
    })
    await writeManifest(dir, manifest)
    if (kind !== 'directory') {
      onStep('正在打包…')
      const partial = `${dir}.${kind}`
      await packArchive(dir, partial)
      await rename(partial, target)
      await rm(dir, { recursive: true, force: true })
    }
    return { out: target, manifest }
  } catch (err) {
    // A failed backup leaves nothing that could be mistaken for a good one.
    await rm(dir, { recursive: true, force: true })
    throw err
  }
}
