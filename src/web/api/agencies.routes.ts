// /api/v1/agencies: the same operations as the console's agency pages, as JSON `{ data, abilities }`.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  abilities,
  agencyTarget,
  createAgency,
  getAgency,
  listAgencies,
  listAgenciesFlat,
  updateAgency,
  type Actor,
  type Agency,
  type CreateAgencyInput,
  type UpdateAgencyInput,
} from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { apiActor, bodyObject, requireApiActor } from './api-context.ts'

const IdParams = z.object({ id: z.coerce.number().int().positive() })

function abilitiesById(actor: Actor, agencies: readonly Agency[]) {
  return Object.fromEntries(agencies.map((a) => [a.id, abilities(actor, agencyTarget(a))]))
}

export function registerAgencyApi(app: FastifyInstance, db: DB): void {
  app.get('/agencies', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const [tree, flat] = await Promise.all([listAgencies(db, actor), listAgenciesFlat(db, actor)])
    return { data: tree, abilities: abilitiesById(actor, flat) }
  })

  app.get('/agencies/:id', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const agency = await getAgency(db, actor, IdParams.parse(request.params).id)
    return { data: agency, abilities: abilities(actor, agencyTarget(agency)) }
  })

  app.post('/agencies', { preHandler: requireApiActor }, async (request, reply) => {
    const actor = apiActor(request)
    // The operation validates the body with CreateAgencySchema; the cast only names what it will check.
    const agency = await createAgency(db, actor, bodyObject(request) as CreateAgencyInput)
    return reply.code(201).send({ data: agency, abilities: abilities(actor, agencyTarget(agency)) })
  })

  app.patch('/agencies/:id', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const input = { ...bodyObject(request), id: IdParams.parse(request.params).id } as UpdateAgencyInput
    const agency = await updateAgency(db, actor, input)
    return { data: agency, abilities: abilities(actor, agencyTarget(agency)) }
  })
}
