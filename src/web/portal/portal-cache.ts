// The render cache of public pages: rendered HTML (or XML/JSON) kept in memory, bounded by total bytes with
// least-recently-used eviction (approximated by CLOCK/second chance: a hit only sets a flag, so the hot path
// does not delete and re-insert into the Map, which reallocated its table every few hits and fed the GC),
// keyed by host + URL + display mode. Invalidation is O(1): an agency's pages
// record its generation at render time, platform-wide pages (home, search, sitemap index) the platform
// generation; `invalidateAgency` bumps the agency's and the platform's, so every page that may show the change
// is stale on the very next request, while other agencies' pages stay cached. Entries also expire after
// ENTRY_TTL_MS, which bounds how far a cached page's 浏览次数 lags behind the flushed count.
import { createHash } from 'node:crypto'
import type { RawAnswer } from '../raw-http/raw-server.ts'

/** A rendered public response. */
export interface CachedPage {
  readonly status: number
  readonly contentType: string
  /** The encoded bytes (UTF-8), so a hit sends them without re-encoding the text. */
  readonly body: Buffer
  /** Strong validator of `body` (quoted, as sent in the ETag header). */
  readonly etag: string
  /** The Fastify route pattern the page is served under (e.g. `/zfxxgk/:agencyId/`), for request metrics. */
  readonly route?: string
  /** The item whose page this is (views are counted on cache hits too), when the page is a published item. */
  readonly viewItemId?: number | undefined
  /**
   * Every response header of this page, as flat name/value pairs for `ServerResponse.writeHead` in the order
   * Fastify writes them, so a hit is written without building headers (see portal-response.ts); and those of
   * its 304 answer.
   */
  readonly rawHeaders?: readonly string[]
  readonly notModifiedHeaders?: readonly string[]
  /** The same answers as bytes for the raw fast path (web/raw-http): built once, when the page is rendered. */
  readonly rawAnswers?: { readonly ok: RawAnswer; readonly notModified: RawAnswer }
}

/** Generations read before a render (see `snapshot`). */
export interface Snapshot {
  readonly agencyGeneration: number
  readonly platformGeneration: number
}

interface Entry {
  readonly page: CachedPage
  readonly agencyId: number | null
  readonly agencyGeneration: number
  readonly platformGeneration: number
  readonly expiresAt: number
  readonly bytes: number
  /** Looked up since it was (re)inserted: spared once by eviction, which moves it to the back instead. */
  used: boolean
}

/** How long a rendered page may be served without re-rendering (besides explicit invalidation). */
export const ENTRY_TTL_MS = 60_000
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

export class PortalCache {
  readonly #maxBytes: number
  readonly #now: () => number
  // A Map iterates in insertion order: eviction walks from the front, and re-inserts used entries at the back.
  readonly #entries = new Map<string, Entry>()
  readonly #agencyGenerations = new Map<number, number>()
  #platformGeneration = 0
  #bytes = 0
  /** Lookups answered from the cache, and lookups that were not (for /metrics). */
  hits = 0
  misses = 0

  constructor(options: { maxBytes?: number; now?: () => number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.#now = options.now ?? Date.now
  }

  /**
   * A fresh cached page, or undefined (absent, expired, or rendered before an invalidation). `countMiss: false`
   * for a lookup whose miss is looked up again (and counted) by the renderer.
   */
  get(key: string, options?: { countMiss: boolean }): CachedPage | undefined {
    const entry = this.#entries.get(key)
    const countMiss = options?.countMiss ?? true
    if (entry === undefined) {
      if (countMiss) this.misses += 1
      return undefined
    }
    const stale =
      entry.expiresAt <= this.#now() ||
      (entry.agencyId === null
        ? entry.platformGeneration !== this.#platformGeneration
        : entry.agencyGeneration !== this.#generationOf(entry.agencyId))
    if (stale) {
      this.#entries.delete(key)
      this.#bytes -= entry.bytes
      if (countMiss) this.misses += 1
      return undefined
    }
    entry.used = true
    this.hits += 1
    return entry.page
  }

  /**
   * The generations a render starts from: take them BEFORE reading the database, and pass them to `set`, so
   * a change committed while the page renders makes the result stale instead of caching old data as new.
   */
  snapshot(agencyId: number | null): Snapshot {
    return {
      agencyGeneration: agencyId === null ? 0 : this.#generationOf(agencyId),
      platformGeneration: this.#platformGeneration,
    }
  }

  set(key: string, page: CachedPage, agencyId: number | null, snapshot: Snapshot): void {
    const heads = (page.rawAnswers?.ok.head.length ?? 0) + (page.rawAnswers?.notModified.head.length ?? 0)
    const bytes = page.body.length + heads + key.length * 2 + 200
    if (bytes > this.#maxBytes / 8) return
    // Pages past their TTL could only be misses: drop them from the front (the oldest inserted), so the cache
    // holds what was rendered in the last ENTRY_TTL_MS rather than filling to its bound with dead pages.
    const now = this.#now()
    for (const [oldKey, old] of this.#entries) {
      if (old.expiresAt > now) break
      this.#entries.delete(oldKey)
      this.#bytes -= old.bytes
    }
    const previous = this.#entries.get(key)
    if (previous !== undefined) {
      this.#entries.delete(key)
      this.#bytes -= previous.bytes
    }
    this.#entries.set(key, {
      page,
      agencyId,
      ...snapshot,
      expiresAt: now + ENTRY_TTL_MS,
      bytes,
      used: false,
    })
    this.#bytes += bytes
    // Each entry is visited at most twice: a used one goes to the back with its flag cleared.
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break
      this.#entries.delete(oldKey)
      if (old.used && oldKey !== key) {
        old.used = false
        this.#entries.set(oldKey, old)
      } else {
        this.#bytes -= old.bytes
      }
    }
  }

  /**
   * Make every page of this agency, and every platform-wide page (home, search, sitemap index), stale. Call
   * after a publish, withdrawal or edit of one of its items, or a change to its columns or site settings.
   */
  invalidateAgency(agencyId: number): void {
    this.#agencyGenerations.set(agencyId, this.#generationOf(agencyId) + 1)
    this.#platformGeneration += 1
    for (const listener of this.#listeners) listener(agencyId)
  }

  /** Drop everything (e.g. after a bulk import). */
  invalidateAll(): void {
    this.#entries.clear()
    this.#bytes = 0
    this.#platformGeneration += 1
  }

  readonly #listeners = new Set<(agencyId: number) => void>()

  /** Be told of each invalidation (the event hub side); returns the unsubscribe function. */
  onInvalidate(listener: (agencyId: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }

  #generationOf(agencyId: number): number {
    return this.#agencyGenerations.get(agencyId) ?? 0
  }
}

/** The process-wide cache of public pages. Catalogue operations that change what the public sees call
 * `portalCache.invalidateAgency(agencyId)` (publish, withdraw, edit of a published item, column changes). */
export const portalCache = new PortalCache()

/** Shorthand for `portalCache.invalidateAgency`. */
export function invalidatePortal(agencyId: number): void {
  portalCache.invalidateAgency(agencyId)
}
