// The dashboard's counts (agencies and users within the actor's reach), cached per user for a few seconds:
// they cost several queries and are shown on every visit to the console home. Any write through this server
// clears the cache (see `registerScopeCountInvalidation`), so a user sees its own changes at once; another
// process's changes show within the TTL.
import type { FastifyInstance } from 'fastify'
import { listAgenciesFlat, listUsers, type Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import { clearAfterEveryWrite } from '../../shared/after-write.ts'

export interface ScopeCounts {
  readonly agencies: number
  /** Null when the actor may not list users. */
  readonly users: number | null
  /** When they were counted (ms since the epoch). */
  readonly at: number
}

/** How long counts are reused; another process's changes show within this time. */
export const SCOPE_COUNTS_TTL_MS = 10_000
const TTL_MS = SCOPE_COUNTS_TTL_MS
const MAX_ENTRIES = 10_000
const cache = new Map<string, { readonly at: number; readonly counts: ScopeCounts }>()

async function computeCounts(db: DB, actor: Actor, mayListUsers: boolean): Promise<ScopeCounts> {
  const [agencies, users] = await Promise.all([
    listAgenciesFlat(db, actor),
    mayListUsers ? listUsers(db, actor, { pageSize: 1 }) : Promise.resolve(null),
  ])
  return { agencies: agencies.length, users: users?.total ?? null, at: Date.now() }
}

export async function scopeCounts(db: DB, actor: Actor, mayListUsers: boolean): Promise<ScopeCounts> {
  // Keyed by everything the counts depend on, so a role or agency change never reads another scope's numbers.
  const key = `${actor.userId}|${actor.agencyPath}|${actor.roles.join(',')}`
  const hit = cache.get(key)
  if (hit !== undefined && Date.now() - hit.at < TTL_MS) return hit.counts
  const counts = await computeCounts(db, actor, mayListUsers)
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(key, { at: Date.now(), counts })
  return counts
}

/** Clear the counts after every state-changing request that succeeded. */
export function registerScopeCountInvalidation(app: FastifyInstance): void {
  clearAfterEveryWrite(app, () => cache.clear())
}
