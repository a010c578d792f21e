// /api/v1 catalogue: an agency's columns (read, create, edit, delete), the items a signed-in user may see
// (filtered like the console's list), one item, and the draft, workflow and 有效性 writes, all through the
// same catalogue operations as the console (`{ data, abilities }`). Public JSON for readers is the portal's
// feed.json, not this API. Every route here is in the OpenAPI document (openapi.test checks it).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { changeValidity, deleteColumn, type ChangeValidityInput } from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import {
  approveItem,
  createColumn,
  createDraft,
  getColumn,
  getColumnTree,
  getItem,
  listItems,
  returnForChanges,
  submitForReview,
  updateColumn,
  updateDraft,
  withdrawItem,
  type CreateColumnInput,
  type UpdateColumnInput,
} from '../admin/catalogue/catalogue-operations.ts'
import {
  ITEM_STATUSES,
  type CreateDraftInput,
  type Item,
  type UpdateDraftInput,
} from '../admin/catalogue/catalogue-surface.ts'
import { publicPagesChanged } from '../admin/catalogue/public-change.ts'
import { apiActor, bodyObject, requireApiActor } from './api-context.ts'

const IdParams = z.object({ id: z.coerce.number().int().positive() })
const ListQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  columnId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  topicCode: z
    .string()
    .regex(/^[0-9A-Za-z.]{1,20}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

/** Parse a path or query with `schema`; bad values are a 400 with the field named, never a 500. */
function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fields = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || '_', i.message]))
  throw new DomainError('invalid_input', '请求参数有误', fields)
}

/** The `:id` of the path; one that is not a positive integer names nothing (404). */
function idOf(request: FastifyRequest): number {
  const parsed = IdParams.safeParse(request.params)
  if (!parsed.success) throw new DomainError('not_found', '资源不存在')
  return parsed.data.id
}

/** The reason of a return or withdrawal; anything but a string is handed on as '' for the schema to refuse. */
function reasonOf(body: Record<string, unknown>): string {
  return typeof body.reason === 'string' ? body.reason : ''
}

/** The item as the API answers: the item, its attachments, and what the actor may do with it. */
async function present(db: DB, actor: Actor, item: Item) {
  // Publishing and 撤稿 change public pages; other steps leave them as they are, and a stale check is cheap.
  if (item.status === 'published' || item.status === 'withdrawn') publicPagesChanged(item.agencyId)
  const { attachments, abilities } = await getItem(db, actor, item.id)
  return { data: { ...item, attachments }, abilities }
}

export function registerCatalogueApi(app: FastifyInstance, db: DB): void {
  // Columns are public (the portal lists them); signed-in users read them here to draft into them.
  app.get('/agencies/:id/columns', { preHandler: requireApiActor }, async (request) => ({
    data: await getColumnTree(db, idOf(request)),
    abilities: {},
  }))

  app.post('/agencies/:id/columns', { preHandler: requireApiActor }, async (request, reply) => {
    const agencyId = idOf(request)
    // The operation validates with CreateColumnSchema; the cast only names what it will check.
    const input = { ...bodyObject(request), agencyId } as CreateColumnInput
    const column = await createColumn(db, apiActor(request), input)
    publicPagesChanged(column.agencyId)
    return reply.code(201).send({ data: column, abilities: {} })
  })

  app.patch('/columns/:id', { preHandler: requireApiActor }, async (request) => {
    const input = { ...bodyObject(request), id: idOf(request) } as UpdateColumnInput
    const column = await updateColumn(db, apiActor(request), input)
    publicPagesChanged(column.agencyId)
    return { data: column, abilities: {} }
  })

  app.delete('/columns/:id', { preHandler: requireApiActor }, async (request, reply) => {
    const id = idOf(request)
    const column = await getColumn(db, id)
    await deleteColumn(db, apiActor(request), { id })
    publicPagesChanged(column.agencyId)
    return reply.code(204).send()
  })

  app.get('/items', { preHandler: requireApiActor }, async (request) => {
    const q = parseRequest(ListQuery, request.query)
    const page = await listItems(db, apiActor(request), {
      ...(q.status === undefined ? {} : { statuses: [q.status] }),
      ...(q.columnId === undefined ? {} : { columnId: q.columnId }),
      ...(q.year === undefined ? {} : { year: q.year }),
      ...(q.topicCode === undefined ? {} : { topicCode: q.topicCode }),
      ...(q.q === undefined || q.q === '' ? {} : { text: q.q }),
      page: q.page,
      pageSize: q.pageSize,
    })
    return {
      data: page.items,
      meta: { total: page.total, page: q.page, pageSize: q.pageSize },
      abilities: {},
    }
  })

  app.get('/items/:id', { preHandler: requireApiActor }, async (request) => {
    const { item, attachments, abilities } = await getItem(db, apiActor(request), idOf(request))
    return { data: { ...item, attachments }, abilities }
  })

  app.post('/items', { preHandler: requireApiActor }, async (request, reply) => {
    const actor = apiActor(request)
    // The operation validates the body with CreateDraftSchema; the cast only names what it will check.
    const item = await createDraft(db, actor, bodyObject(request) as CreateDraftInput)
    return reply.code(201).send(await present(db, actor, item))
  })

  app.patch('/items/:id', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const input = { ...bodyObject(request), id: idOf(request) } as UpdateDraftInput
    return present(db, actor, await updateDraft(db, actor, input))
  })

  app.post('/items/:id/submit', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    return present(db, actor, await submitForReview(db, actor, { id: idOf(request) }))
  })

  app.post('/items/:id/approve', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const body = bodyObject(request)
    const scheduledAt = typeof body.scheduledAt === 'string' ? body.scheduledAt : null
    return present(db, actor, await approveItem(db, actor, { id: idOf(request), scheduledAt }))
  })

  app.post('/items/:id/return', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const reason = reasonOf(bodyObject(request))
    return present(db, actor, await returnForChanges(db, actor, { id: idOf(request), reason }))
  })

  app.post('/items/:id/validity', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const input = { ...bodyObject(request), id: idOf(request) } as ChangeValidityInput
    return present(db, actor, await changeValidity(db, actor, input))
  })

  app.post('/items/:id/withdraw', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const reason = reasonOf(bodyObject(request))
    return present(db, actor, await withdrawItem(db, actor, { id: idOf(request), reason }))
  })
}
