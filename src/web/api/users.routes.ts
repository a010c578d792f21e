// /api/v1/users: list, read, create (the generated password is in this one response only), update, reset.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  abilities,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
  userTarget,
  type Actor,
  type CreateUserInput,
  type ListUsersInput,
  type UpdateUserInput,
  type User,
} from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { apiActor, bodyObject, requireApiActor } from './api-context.ts'

const IdParams = z.object({ id: z.coerce.number().int().positive() })

function userAbilities(actor: Actor, user: User) {
  return abilities(actor, userTarget(user))
}

export function registerUserApi(app: FastifyInstance, db: DB): void {
  app.get('/users', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const page = await listUsers(db, actor, request.query as ListUsersInput)
    return {
      data: page.items,
      meta: { total: page.total, page: page.page, pageSize: page.pageSize },
      abilities: Object.fromEntries(page.items.map((u) => [u.id, userAbilities(actor, u)])),
    }
  })

  app.get('/users/:id', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const user = await getUser(db, actor, IdParams.parse(request.params).id)
    return { data: user, abilities: userAbilities(actor, user) }
  })

  app.post('/users', { preHandler: requireApiActor }, async (request, reply) => {
    const actor = apiActor(request)
    // The operation validates the body with CreateUserSchema.
    const created = await createUser(db, actor, bodyObject(request) as CreateUserInput)
    reply.header('cache-control', 'no-store')
    return reply.code(201).send({ data: created, abilities: userAbilities(actor, created.user) })
  })

  app.patch('/users/:id', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const input = { ...bodyObject(request), id: IdParams.parse(request.params).id } as UpdateUserInput
    const user = await updateUser(db, actor, input)
    return { data: user, abilities: userAbilities(actor, user) }
  })

  app.post('/users/:id/reset-password', { preHandler: requireApiActor }, async (request, reply) => {
    const actor = apiActor(request)
    const result = await resetPassword(db, actor, { userId: IdParams.parse(request.params).id })
    reply.header('cache-control', 'no-store')
    return { data: result }
  })
}
