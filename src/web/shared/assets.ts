// Static assets (CSS, the few icons) served under a content-hashed path so browsers may cache them for a year:
// a changed file changes the hash, hence the URL, so no stale stylesheet survives a deployment. The files are
// few and small, so they are read once at start and served from memory (no static-file plugin to load).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'

export const ASSET_DIR = fileURLToPath(new URL('./public/', import.meta.url))

interface Asset {
  readonly body: Buffer
  readonly contentType: string
  readonly etag: string
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

function readAssets(dir: string): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>()
  for (const name of readdirSync(dir).sort()) {
    const body = readFileSync(dir + name)
    assets.set(name, {
      body,
      contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    })
  }
  return assets
}

const ASSETS = readAssets(ASSET_DIR)

function hashOf(assets: ReadonlyMap<string, Asset>): string {
  const hash = createHash('sha256')
  for (const [name, asset] of assets) {
    hash.update(name)
    hash.update(asset.body)
  }
  return hash.digest('hex').slice(0, 12)
}

/** Hash of every asset file; part of each asset URL. */
export const ASSET_VERSION = hashOf(ASSETS)

/** URL prefix the assets are served under (`/assets/<hash>/`). */
export const ASSET_PREFIX = `/assets/${ASSET_VERSION}/`

/** The versioned URL of an asset file, e.g. `assetUrl('admin.css')`. */
export function assetUrl(file: string): string {
  return ASSET_PREFIX + file
}

/** `GET /assets/<hash>/<file>`: the file with a year of immutable caching; any other hash or file is a 404. */
export function registerAssets(app: FastifyInstance): void {
  app.get(`${ASSET_PREFIX}:file`, (request, reply) => {
    const asset = ASSETS.get((request.params as { file?: string }).file ?? '')
    if (asset === undefined) return reply.callNotFound()
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', asset.etag)
      .type(asset.contentType)
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send()
    return reply.send(asset.body)
  })
}
