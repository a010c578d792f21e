// Static assets (CSS, the few icons) served under a content-hashed path so browsers may cache them for a year:
// a changed file changes the hash, hence the URL, so no stale stylesheet survives a deployment.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ASSET_DIR = fileURLToPath(new URL('./public/', import.meta.url))

function hashDirectory(dir: string): string {
  const hash = createHash('sha256')
  for (const name of readdirSync(dir).sort()) {
    hash.update(name)
    hash.update(readFileSync(dir + name))
  }
  return hash.digest('hex').slice(0, 12)
}

/** Hash of every asset file; part of each asset URL. */
export const ASSET_VERSION = hashDirectory(ASSET_DIR)

/** URL prefix the static plugin serves (`/assets/<hash>/`). */
export const ASSET_PREFIX = `/assets/${ASSET_VERSION}/`

/** The versioned URL of an asset file, e.g. `assetUrl('admin.css')`. */
export function assetUrl(file: string): string {
  return ASSET_PREFIX + file
}
