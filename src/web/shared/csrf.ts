// CSRF protection for every state-changing request (issue 3). The secret lives in an HttpOnly cookie; each form
// carries a token derived from it in a hidden `_csrf` field (the API sends it as `x-csrf-token`). A request
// other than GET/HEAD/OPTIONS without a matching token is refused with 403 before any handler runs, so nothing
// is written.
import fastifyCsrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cookieOptions } from './cookies.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const CSRF_COOKIE = 'gk_csrf'
export const CSRF_FIELD = '_csrf'

export async function registerCsrf(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true },
  })
  // preHandler, not onRequest: the token may sit in the parsed form body.
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) {
      done()
      return
    }
    app.csrfProtection(request, reply, done)
  })
}

/**
 * Tokens already derived from a secret. A token stays valid as long as its secret, so a browser's pages may
 * share one instead of hashing a fresh salt on every page view (fresh salts only defend against BREACH, and
 * responses are not compressed). Bounded: a flood of secrets empties it rather than growing it.
 */
const tokensBySecret = new Map<string, string>()
const TOKENS_MAX = 10_000
const SECRET_MAX_LENGTH = 64

/** The token to put in a form (and, for the API, to echo in `x-csrf-token`). Sets the secret cookie if new. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const secret = request.cookies[CSRF_COOKIE]
  // Only secrets of the length this server issues are remembered (the cookie is the client's to send).
  if (secret === undefined || secret.length === 0 || secret.length > SECRET_MAX_LENGTH) {
    return reply.generateCsrf(cookieOptions(request))
  }
  let token = tokensBySecret.get(secret)
  if (token === undefined) {
    token = reply.generateCsrf(cookieOptions(request))
    if (tokensBySecret.size >= TOKENS_MAX) tokensBySecret.clear()
    tokensBySecret.set(secret, token)
  }
  return token
}
