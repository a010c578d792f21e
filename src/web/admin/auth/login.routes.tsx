// GET/POST /admin/login and POST /admin/logout. Wrong passwords and lockout are the accounts operation's
// rules (10 failures lock the username); this file only shows its messages.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { authenticate, logout } from '../../../accounts/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { sendHtml } from '../../shared/html.ts'
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../shared/session.ts'
import { LOGIN_PATH, PASSWORD_PATH, safeNext } from '../console-page.tsx'
import { LoginPage } from './login-page.tsx'

const LoginQuery = z.object({ next: z.string().optional(), loggedOut: z.string().optional() })
const LoginForm = z.object({
  username: z.string().max(100).default(''),
  password: z.string().max(200).default(''),
  next: z.string().optional(),
})

export function registerLoginRoutes(app: FastifyInstance, db: DB): void {
  app.get('/login', async (request, reply) => {
    const query = LoginQuery.parse(request.query)
    if (request.actor !== null) return reply.redirect(safeNext(query.next), 303)
    const page = (
      <LoginPage
        csrfToken={csrfToken(request, reply)}
        next={safeNext(query.next)}
        notice={query.loggedOut === undefined ? undefined : '您已安全退出。'}
      />
    )
    return sendHtml(reply, page)
  })

  app.post('/login', async (request, reply) => {
    const form = LoginForm.parse(request.body ?? {})
    const next = safeNext(form.next)
    try {
      const result = await authenticate(
        db,
        { username: form.username, password: form.password },
        app.sessionPolicy,
      )
      setSessionCookie(request, reply, result.sessionToken)
      return await reply.redirect(result.actor.mustChangePassword ? PASSWORD_PATH : next, 303)
    } catch (err) {
      if (!isDomainError(err) || (err.code !== 'unauthenticated' && err.code !== 'locked')) throw err
      const page = (
        <LoginPage
          csrfToken={csrfToken(request, reply)}
          next={next}
          username={form.username}
          error={err.message}
        />
      )
      return sendHtml(reply, page, err.code === 'locked' ? 429 : 401)
    }
  })

  app.post('/logout', async (request, reply) => {
    if (request.actor !== null) await logout(db, request.actor, { sessionToken: sessionTokenOf(request) })
    clearSessionCookie(request, reply)
    return reply.redirect(`${LOGIN_PATH}?loggedOut=1`, 303)
  })
}
