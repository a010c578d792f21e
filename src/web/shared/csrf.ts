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

/** The token to put in a form (and, for the API, to echo in `x-csrf-token`). Sets the secret cookie if new. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf(cookieOptions(request))
}
