// Helpers for route tests: a server on the test database, a signed-in cookie for a user, and a CSRF token
// taken from a rendered form the way a browser gets it.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createSession, type User } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { buildServer } from '../server.ts'
import { CSRF_COOKIE } from '../shared/csrf.ts'
import { SESSION_COOKIE } from '../shared/session.ts'

export async function buildTestServer(db: DB, secureCookies = false): Promise<FastifyInstance> {
  return buildServer({ db, config: { secureCookies, sessionIdleMinutes: 30, sessionMaxHours: 12 } })
}

/** The `cookie` header of a browser signed in as `user` (session created directly: no password hashing). */
export async function sessionCookie(db: DB, user: Pick<User, 'id'>): Promise<string> {
  const { token } = await createSession(db, user.id)
  return `${SESSION_COOKIE}=${token}`
}

/** Value of a cookie set by a response, or undefined. */
export function setCookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value
}

export interface CsrfPair {
  /** The hidden `_csrf` field value. */
  readonly token: string
  /** The cookie header to send with it (given cookie plus the CSRF secret cookie). */
  readonly cookie: string
}

/** GET `url` (a page with a form, or the API's token endpoint) and return the token and cookies to post with. */
export async function fetchCsrf(
  app: FastifyInstance,
  cookie: string,
  url = '/admin/login',
): Promise<CsrfPair> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } })
  const secret = setCookieValue(response, CSRF_COOKIE)
  const match = /name="_csrf" value="([^"]+)"/.exec(response.body)
  const token = match?.[1] ?? (JSON.parse(response.body) as { data?: { token?: string } }).data?.token
  if (secret === undefined || token === undefined) {
    throw new Error(`no CSRF token on ${url} (${response.statusCode})`)
  }
  const jar = [cookie, `${CSRF_COOKIE}=${secret}`].filter(Boolean).join('; ')
  return { token, cookie: jar }
}

/** POST a form (urlencoded) with a valid CSRF token. */
export async function postForm(
  app: FastifyInstance,
  csrf: CsrfPair,
  url: string,
  fields: Record<string, string | readonly string[]>,
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams()
  body.append('_csrf', csrf.token)
  for (const [key, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
  }
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  })
}
