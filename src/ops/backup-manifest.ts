// The manifest of a backup (`manifest.json` at its root): what made it, from which engine and migration
// level, and the size and SHA-256 of every file it holds, so a restore can refuse a damaged backup before
// touching anything.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { FileEntry } from './backup-files.ts'

export const MANIFEST_FILE = 'manifest.json'
/** The database file inside a backup, per engine. */
export const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const
/** Uploaded files live under this folder of a backup (a copy of `<GONGKAI_DATA_DIR>/uploads`). */
export const UPLOADS_FOLDER = 'uploads/'

const FORMAT = 'gongkai-backup'
const FORMAT_VERSION = 1

const FileEntrySchema = z.object({
  path: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/)
    .refine((p) => !p.split('/').includes('..'), 'no ..'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})

const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  versions: z.object({
    gongkai: z.string(),
    node: z.string(),
    engine: z.string(),
    tool: z.string().optional(),
  }),
  engine: z.enum(['sqlite', 'postgres']),
  /** PostgreSQL: the schema that was dumped (a restore goes into the same schema). */
  pgSchema: z.string().optional(),
  /** Applied migrations at backup time, in order; the last one is the migration level. */
  migrations: z.array(z.string()),
  database: FileEntrySchema,
  files: z.array(FileEntrySchema),
})

/** What `manifest.json` says. */
export type BackupManifest = z.infer<typeof ManifestSchema>

export function newManifest(
  fields: Omit<BackupManifest, 'format' | 'formatVersion' | 'createdAt'>,
): BackupManifest {
  return { format: FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), ...fields }
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** @throws Error when the manifest is missing, not JSON, or not a Gongkai backup of a known format. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => {
    throw new Error(`not a Gongkai backup: ${MANIFEST_FILE} is missing`)
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${MANIFEST_FILE} is not valid JSON`)
  }
  const parsed = ManifestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${MANIFEST_FILE} is not a Gongkai backup manifest (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    )
  }
  return parsed.data
}

/** Every entry of a manifest: the database file first, then the uploaded files. */
export function manifestEntries(manifest: BackupManifest): FileEntry[] {
  return [manifest.database, ...manifest.files]
}
