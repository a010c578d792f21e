// Cookie flags shared by the session and CSRF cookies: HttpOnly, SameSite=Lax, Path=/, and Secure when the
// request arrived over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto) or when configuration
// says the site is served over HTTPS (`GONGKAI_SECURE_COOKIES`).
import type { FastifyInstance, FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyInstance {
    /** Always mark cookies Secure (from `Config.secureCookies`). */
    alwaysSecureCookies: boolean
  }
}

export interface CookieFlags {
  readonly path: string
  readonly httpOnly: true
  readonly sameSite: 'lax'
  readonly secure: boolean
}

export function registerCookieFlags(app: FastifyInstance, alwaysSecure: boolean): void {
  app.decorate('alwaysSecureCookies', alwaysSecure)
}

export function cookieOptions(request: FastifyRequest): CookieFlags {
  const secure = request.server.alwaysSecureCookies || request.protocol === 'https'
  return { path: '/', httpOnly: true, sameSite: 'lax', secure }
}
