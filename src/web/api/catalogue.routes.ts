// /api/v1 catalogue: an agency's columns, the items a signed-in user may see, one item, and the draft and
// workflow writes, all through the same catalogue operations as the console (`{ data, abilities }`). Public
// JSON for readers is the portal's feed.json, not this API.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import {
  approveItem,
  createDraft,
  getColumnTree,
  getItem,
  listItems,
  returnForChanges,
  submitForReview,
  updateDraft,
  withdrawItem,
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
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

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
    data: await getColumnTree(db, IdParams.parse(request.params).id),
    abilities: {},
  }))

  app.get('/items', { preHandler: requireApiActor }, async (request) => {
    const q = ListQuery.parse(request.query)
    const page = await listItems(db, apiActor(request), {
      ...(q.status === undefined ? {} : { statuses: [q.status] }),
      ...(q.columnId === undefined ? {} : { columnId: q.columnId }),
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
    const { item, attachments, abilities } = await getItem(
      db,
      apiActor(request),
      IdParams.parse(request.params).id,
    )
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
    const input = { ...bodyObject(request), id: IdParams.parse(request.params).id } as UpdateDraftInput
    return present(db, actor, await updateDraft(db, actor, input))
  })

  app.post('/items/:id/submit', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    return present(db, actor, await submitForReview(db, actor, { id: IdParams.parse(request.params).id }))
  })

  app.post('/items/:id/approve', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const body = bodyObject(request)
    const scheduledAt = typeof body.scheduledAt === 'string' ? body.scheduledAt : null
    return present(
      db,
      actor,
      await approveItem(db, actor, { id: IdParams.parse(request.params).id, scheduledAt }),
    )
  })

  app.post('/items/:id/return', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const reason = reasonOf(bodyObject(request))
    return present(
      db,
      actor,
      await returnForChanges(db, actor, { id: IdParams.parse(request.params).id, reason }),
    )
  })

  app.post('/items/:id/withdraw', { preHandler: requireApiActor }, async (request) => {
    const actor = apiActor(request)
    const reason = reasonOf(bodyObject(request))
    return present(
      db,
      actor,
      await withdrawItem(db, actor, { id: IdParams.parse(request.params).id, reason }),
    )
  })
}
