// Files of a backup: walking a directory, hashing, copying with the hash of what was written, and the tar
// archive form of a backup (the system `tar`, which every server has; gzip when the name ends in .tgz/.tar.gz).
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** One file of a backup: its path relative to the backup root (always with `/`), size and SHA-256. */
export interface FileEntry {
  readonly path: string
  readonly bytes: number
  readonly sha256: string
}

/** SHA-256 (hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer
    bytes += buffer.length
    hash.update(buffer)
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** Relative paths (with `/`) of the regular files under `dir`, sorted; empty when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/**
 * Copy every file under `from` to `to` (same relative paths) and return each copy's entry, hashed from the
 * copy so the manifest describes exactly what the backup holds. `skip` leaves out files (e.g. `*.tmp`).
 */
export async function copyTree(
  from: string,
  to: string,
  prefix: string,
  skip: (relative: string) => boolean = () => false,
): Promise<FileEntry[]> {
  const entries: FileEntry[] = []
  for (const relative of await listFiles(from)) {
    if (skip(relative)) continue
    const target = path.join(to, ...relative.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    await copyFile(path.join(from, ...relative.split('/')), target)
    entries.push({ path: `${prefix}${relative}`, ...(await hashFile(target)) })
  }
  return entries
}

/** The archive kind a path names: a plain directory, a tar file, or a gzipped tar file. */
export function archiveKindOf(file: string): 'directory' | 'tar' | 'tgz' {
  if (/\.(tgz|tar\.gz)$/i.test(file)) return 'tgz'
  if (/\.tar$/i.test(file)) return 'tar'
  return 'directory'
}

/** Pack the contents of `dir` into the tar (or tgz) file `file`. */
export async function packArchive(dir: string, file: string): Promise<void> {
  const gzip = archiveKindOf(file) === 'tgz' ? ['-z'] : []
  await run('tar', ['-c', ...gzip, '-f', file, '-C', dir, '.'])
}

/** Unpack the tar (or tgz) `file` into the existing directory `dir` (GNU tar refuses `..` and absolute names). */
export async function unpackArchive(file: string, dir: string): Promise<void> {
  const gzip = archiveKindOf(file) === 'tgz' ? ['-z'] : []
  await run('tar', ['-x', ...gzip, '-f', file, '-C', dir, '--no-same-owner'])
}
