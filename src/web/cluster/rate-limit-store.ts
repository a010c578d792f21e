// A store for @fastify/rate-limit that keeps its counters in the database, so a per-IP limit holds across
// every process of a deployment (N processes do not allow N × the limit). Fixed windows aligned to the epoch:
// a client's count lives in row `<limiter>|<ip>|<window number>`, raised by one atomic upsert per request.
// Used on PostgreSQL; on SQLite there is one process, and the plugin's in-memory store is exact without a
// write (and an fsync) per request. Ended windows are deleted by the process that counts a hit roughly every
// PRUNE_EVERY_MS.
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit'
import type { DB } from '../../storage/index.ts'
import { engineOf, isoNow } from '../../storage/index.ts'
import { countHit, pruneHits, readHits } from './rate-limit.queries.ts'

const PRUNE_EVERY_MS = 5 * 60_000

type Result = { current: number; ttl: number }
type Callback = (error: Error | null, result?: Result) => void

/** The store class for `name`'s limiters; the n-th limiter created from it counts under `name#n`. */
export function databaseRateLimitStore(
  db: DB,
  name: string,
  now: () => number = Date.now,
): FastifyRateLimitStoreCtor {
  let lastPrune = now()
  let children = 0

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #limiter: string

    constructor(_options: FastifyRateLimitOptions, limiter = name) {
      this.#limiter = limiter
    }

    #window(key: string, timeWindow: number): { row: string; expiresAt: number; ttl: number } {
      const t = now()
      const index = Math.floor(t / timeWindow)
      const expiresAt = (index + 1) * timeWindow
      return { row: `${this.#limiter}|${key}|${index}`, expiresAt, ttl: expiresAt - t }
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const window = this.#window(key, timeWindow)
      countHit(db, window.row, new Date(window.expiresAt).toISOString()).then(
        (current) => callback(null, { current, ttl: window.ttl }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      )
      if (now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now()
        pruneHits(db, isoNow(new Date(now()))).catch(() => undefined)
      }
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const window = this.#window(key, timeWindow)
      readHits(db, window.row).then(
        (current) => callback(null, { current, ttl: current === 0 ? 0 : window.ttl }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      )
    }

    child(): FastifyRateLimitStore {
      children += 1
      return new DatabaseRateLimitStore({}, `${name}#${children}`)
    }
  }
  return DatabaseRateLimitStore
}

/**
 * The @fastify/rate-limit options that share its counters across processes: the database store on
 * PostgreSQL, nothing (the in-memory store) on SQLite. Spread into the plugin's options.
 */
export function sharedRateLimitOptions(db: DB, name: string): { store?: FastifyRateLimitStoreCtor } {
  return engineOf(db) === 'postgres' ? { store: databaseRateLimitStore(db, name) } : {}
}

/** Count one hit of `key` in the current window of `windowMs`; the window's count so far and ms until it ends. */
export type SharedHitCounter = (key: string, windowMs: number) => Promise<{ count: number; ttlMs: number }>

/**
 * A hit counter shared by all processes for a hand-written limiter (the public search's), on PostgreSQL;
 * undefined on SQLite, where the limiter's own in-memory count is exact.
 */
export function sharedHitCounter(
  db: DB,
  name: string,
  now: () => number = Date.now,
): SharedHitCounter | undefined {
  if (engineOf(db) !== 'postgres') return undefined
  return async (key, windowMs) => {
    const t = now()
    const index = Math.floor(t / windowMs)
    const expiresAt = (index + 1) * windowMs
    const count = await countHit(db, `${name}|${key}|${index}`, new Date(expiresAt).toISOString())
    return { count, ttlMs: expiresAt - t }
  }
}
