// Attachment files on disk, under `<GONGKAI_DATA_DIR>/uploads`: content-addressed (`YYYY/MM/<sha256>.<ext>`)
// so a re-upload of the same file costs no space, written to a temporary name, fsynced and renamed so a
// reader never sees half a file, even after a crash.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import type { AttachmentFormat } from './attachment-type.ts'

const EXTENSION: Readonly<Record<AttachmentFormat, string>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpeg: 'jpg',
  gif: 'gif',
}

/** The uploads directory of a data directory. */
export function uploadsDirOf(dataDir: string): string {
  return path.join(dataDir, 'uploads')
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{64}\.(pdf|docx|xlsx|png|jpg|gif)$/

/** Store `bytes`; returns the storage key and the content hash. */
export async function storeUpload(
  uploadsDir: string,
  bytes: Uint8Array,
  format: AttachmentFormat,
  now = new Date(),
): Promise<{ storageKey: string; sha256: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const month = now.toISOString().slice(0, 7).replace('-', '/')
  const storageKey = `${month}/${sha256}.${EXTENSION[format]}`
  const file = path.join(uploadsDir, storageKey)
  const exists = await stat(file).then(
    (s) => s.size === bytes.length,
    () => false,
  )
  if (!exists) {
    await mkdir(path.dirname(file), { recursive: true })
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`
    // fsync the file before the rename and the directory after it: after a power cut the name never points
    // at a file whose bytes did not reach the disk (a killed process alone loses nothing either way).
    const handle = await open(tmp, 'w')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
    await syncDirectory(path.dirname(file))
  }
  return { storageKey, sha256 }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The absolute path of a stored key. @throws Error for a key this store never produces (path traversal). */
export function uploadPath(uploadsDir: string, storageKey: string): string {
  if (!KEY.test(storageKey)) throw new Error(`invalid attachment key: ${storageKey}`)
  return path.join(uploadsDir, storageKey)
}

/** Read a stored file. */
export function readUpload(uploadsDir: string, storageKey: string): Promise<Buffer> {
  return readFile(uploadPath(uploadsDir, storageKey))
}
