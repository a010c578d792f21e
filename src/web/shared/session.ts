// The session cookie: an opaque token issued by the accounts `authenticate` operation and resolved on every
// console/API request by `resolveSession` (which applies idle and absolute expiry). The web layer only
// carries the cookie; it never decides who is logged in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { resolveSession, type Actor, type SessionPolicy } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { cookieOptions } from './cookies.ts'

export const SESSION_COOKIE = 'gk_session'

declare module 'fastify' {
  interface FastifyInstance {
    /** Idle and absolute session limits from the configuration. */
    sessionPolicy: SessionPolicy
  }
  interface FastifyRequest {
    /** The signed-in user, or null; set by `loadActor` on console and API routes. */
    actor: Actor | null
  }
}

export function registerSession(app: FastifyInstance, policy: SessionPolicy): void {
  app.decorate('sessionPolicy', policy)
  app.decorateRequest('actor', null)
}

export function sessionTokenOf(request: FastifyRequest): string {
  return request.cookies[SESSION_COOKIE] ?? ''
}

/** onRequest hook for console and API scopes: resolve the cookie to an actor (or null). */
export function loadActor(db: DB) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = sessionTokenOf(request)
    request.actor = token === '' ? null : await resolveSession(db, token, request.server.sessionPolicy)
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // A session cookie (no Max-Age): closing the browser ends it; the server enforces idle and absolute expiry.
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request))
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request))
}
