// /api/v1/csrf-token, /api/v1/session (who am I, log in, log out) and /api/v1/session/password.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  abilities,
  agencyTarget,
  authenticate,
  changePassword,
  logout,
  type ChangePasswordInput,
} from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { csrfToken } from '../shared/csrf.ts'
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../shared/session.ts'
import { apiActor, bodyObject, requireApiActor } from './api-context.ts'

const LoginBody = z.object({
  username: z.string().max(100).default(''),
  password: z.string().max(200).default(''),
})

export function registerSessionApi(app: FastifyInstance, db: DB): void {
  // Every state-changing request needs this token in `x-csrf-token` (the secret rides in an HttpOnly cookie).
  app.get('/csrf-token', (request, reply) => reply.send({ data: { token: csrfToken(request, reply) } }))

  app.get('/session', { preHandler: requireApiActor }, (request, reply) => {
    const actor = apiActor(request)
    return reply.send({
      data: actor,
      abilities: abilities(actor, agencyTarget({ id: actor.agencyId, path: actor.agencyPath })),
    })
  })

  app.post('/session', async (request, reply) => {
    const body = LoginBody.parse(bodyObject(request))
    const result = await authenticate(db, body, app.sessionPolicy)
    setSessionCookie(request, reply, result.sessionToken)
    return reply.code(201).send({ data: result.actor })
  })

  app.delete('/session', { preHandler: requireApiActor }, async (request, reply) => {
    await logout(db, apiActor(request), { sessionToken: sessionTokenOf(request) })
    clearSessionCookie(request, reply)
    return reply.code(204).send()
  })

  app.put('/session/password', { preHandler: requireApiActor }, async (request, reply) => {
    const input = { ...bodyObject(request), keepSessionToken: sessionTokenOf(request) } as ChangePasswordInput
    await changePassword(db, apiActor(request), input)
    return reply.code(204).send()
  })
}
