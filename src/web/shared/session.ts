// The session cookie: an opaque token issued by the accounts `authenticate` operation and resolved on every
// console/API request by `resolveSession` (which applies idle and absolute expiry). The web layer only
// carries the cookie; it never decides who is logged in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { resolveSession, type Actor, type SessionPolicy } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { clearAfterEveryWrite } from './after-write.ts'
import { cookieOptions } from './cookies.ts'

export const SESSION_COOKIE = 'gk_session'

/**
 * How long a resolved session is reused without asking the database again. Every console page would
 * otherwise start with the session and role lookups; within this window they are served from memory. Any
 * state-changing request through this process (logout, password change, role change, …) clears the cache,
 * so this process sees such a change at once; another process sees it within this window.
 */
const ACTOR_CACHE_MS = 2_000
const ACTOR_CACHE_MAX = 10_000

class ActorCache {
  private readonly entries = new Map<string, { readonly at: number; readonly actor: Actor }>()

  get(token: string, now: number): Actor | undefined {
    const hit = this.entries.get(token)
    if (hit === undefined) return undefined
    if (now - hit.at < ACTOR_CACHE_MS) return hit.actor
    this.entries.delete(token)
    return undefined
  }

  set(token: string, actor: Actor, now: number): void {
    // Bounded: a flood of distinct sessions empties the cache rather than growing it.
    if (this.entries.size >= ACTOR_CACHE_MAX) this.entries.clear()
    this.entries.set(token, { at: now, actor })
  }

  clear(): void {
    this.entries.clear()
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Idle and absolute session limits from the configuration. */
    sessionPolicy: SessionPolicy
    /** Recently resolved sessions of this process (see ACTOR_CACHE_MS). */
    actorCache: ActorCache
  }
  interface FastifyRequest {
    /** The signed-in user, or null; set by `loadActor` on console and API routes. */
    actor: Actor | null
  }
}

export function registerSession(app: FastifyInstance, policy: SessionPolicy): void {
  app.decorate('sessionPolicy', policy)
  app.decorate('actorCache', new ActorCache())
  app.decorateRequest('actor', null)
  clearAfterEveryWrite(app, () => app.actorCache.clear())
}

export function sessionTokenOf(request: FastifyRequest): string {
  return request.cookies[SESSION_COOKIE] ?? ''
}

/**
 * onRequest hook for console and API scopes: resolve the cookie to an actor (or null). A callback hook: the
 * usual cases (no cookie, a session resolved within ACTOR_CACHE_MS) finish synchronously, without a promise.
 */
export function loadActor(db: DB) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void => {
    const token = sessionTokenOf(request)
    if (token === '') {
      request.actor = null
      done()
      return
    }
    const cache = request.server.actorCache
    const now = Date.now()
    const cached = cache.get(token, now)
    if (cached !== undefined) {
      request.actor = cached
      done()
      return
    }
    resolveSession(db, token, request.server.sessionPolicy).then(
      (actor) => {
        request.actor = actor
        if (actor !== null) cache.set(token, actor, now)
        done()
      },
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    )
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // A session cookie (no Max-Age): closing the browser ends it; the server enforces idle and absolute expiry.
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request))
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request))
}
