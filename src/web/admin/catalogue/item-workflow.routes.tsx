// /admin/catalogue/items/:id: the item page with the workflow steps the user may take, and the steps themselves
// (提交保密审查, 审查通过 now or at a set time, 退回修改 and 撤稿 with a required reason). Each step is one catalogue
// operation; a refused step shows the page again with the message and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { isDomainError, type DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import {
  approveItem,
  columnNameOf,
  getItemView,
  returnForChanges,
  standingOf,
  submitForReview,
  topicLabelOf,
  withdrawItem,
  MAX_UPLOAD_MB,
  type ItemView,
} from './catalogue-operations.ts'
import { canTransition, isEditable, type CatalogueAction } from './catalogue-surface.ts'
import { formValues, scheduledAtOf, textOf, idParamOf } from './form-input.ts'
import { publicPagesChanged } from './public-change.ts'
import { ItemDetail, type ItemSteps } from './item-detail.tsx'

const ShowQuery = z.object({ saved: z.string().optional(), done: z.string().max(20).optional() })

const DONE_MESSAGES: Readonly<Record<string, string>> = {
  submit: '已提交保密审查。',
  approve: '审查通过。',
  return: '已退回修改。',
  withdraw: '已撤稿。',
  upload: '附件已上传。',
}

export function stepsFor(actor: Actor, view: ItemView): ItemSteps {
  const { item } = view
  const may = (action: CatalogueAction) => view.abilities[action]
  return {
    edit: may('catalogue.item.edit') && isEditable(item.status),
    submit: may('catalogue.item.edit') && canTransition(item.status, 'submit'),
    // The catalogue refuses a review by the item's own author; the page does not offer it either.
    review:
      may('catalogue.item.review') &&
      canTransition(item.status, 'approve_now') &&
      item.createdBy !== actor.userId,
    withdraw: may('catalogue.item.withdraw') && canTransition(item.status, 'withdraw'),
    upload: may('catalogue.item.edit') && isEditable(item.status),
  }
}

export interface DetailPage {
  readonly id: number
  readonly notice?: string | undefined
  readonly errors?: Readonly<Record<string, string>>
  readonly values?: Readonly<Record<string, string>>
  readonly message?: string
  readonly status?: number
}

export async function sendItemPage(db: DB, request: FastifyRequest, reply: FastifyReply, page: DetailPage) {
  const actor = actorOf(request)
  const view = await getItemView(db, actor, page.id)
  const { item } = view
  const body = (
    <>
      <h1 safe>{item.title}</h1>
      <p>
        <a href={`/admin/catalogue/items?agencyId=${item.agencyId}`}>返回信息列表</a>
      </p>
      {page.notice ? (
        <p class="notice" role="status" safe>
          {page.notice}
        </p>
      ) : (
        ''
      )}
      {page.message ? (
        <p class="alert" role="alert" safe>
          {page.message}
        </p>
      ) : (
        ''
      )}
      <ItemDetail
        item={item}
        columnName={await columnNameOf(db, item)}
        topicLabel={await topicLabelOf(db, item)}
        attachments={view.attachments}
        standing={standingOf(item)}
        steps={stepsFor(actor, view)}
        csrfToken={csrfToken(request, reply)}
        errors={page.errors ?? {}}
        values={page.values ?? {}}
        maxUploadMb={MAX_UPLOAD_MB}
      />
    </>
  )
  return sendConsolePage(request, reply, { title: item.title, body, status: page.status ?? 200 })
}

/** Run one workflow step; on a refusal the item page again, with the reason field's error under its form. */
async function step(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  done: string,
  run: (actor: Actor, id: number, body: Record<string, unknown>) => Promise<{ readonly agencyId: number }>,
  reasonField?: 'returnReason' | 'withdrawalReason',
) {
  const { id } = idParamOf(request.params)
  const body = (request.body ?? {}) as Record<string, unknown>
  try {
    const item = await run(actorOf(request), id, body)
    publicPagesChanged(item.agencyId)
  } catch (err) {
    if (!isDomainError(err) || (err.code !== 'invalid_input' && err.code !== 'conflict')) throw err
    const errors: Record<string, string> = { ...err.fields }
    const values = formValues(body)
    if (reasonField !== undefined) {
      if (errors.reason !== undefined) errors[reasonField] = errors.reason
      values[reasonField] = textOf(body, 'reason')
    }
    return sendItemPage(db, request, reply, {
      id,
      errors,
      values,
      message: err.message,
      status: errorStatus(err),
    })
  }
  return reply.redirect(`/admin/catalogue/items/${id}?done=${done}`, 303)
}

function errorStatus(err: DomainError): number {
  return err.code === 'conflict' ? 409 : 422
}

export function registerItemWorkflowRoutes(app: FastifyInstance, db: DB): void {
  app.get('/catalogue/items/:id', { preHandler: requireActor }, async (request, reply) => {
    const query = ShowQuery.parse(request.query)
    const notice = query.saved !== undefined ? '信息已保存。' : DONE_MESSAGES[query.done ?? '']
    return sendItemPage(db, request, reply, { id: idParamOf(request.params).id, notice })
  })

  app.post('/catalogue/items/:id/submit', { preHandler: requireActor }, (request, reply) =>
    step(db, request, reply, 'submit', (actor, id) => submitForReview(db, actor, { id })),
  )

  app.post('/catalogue/items/:id/approve', { preHandler: requireActor }, (request, reply) =>
    step(db, request, reply, 'approve', (actor, id, body) =>
      approveItem(db, actor, { id, scheduledAt: scheduledAtOf(body) }),
    ),
  )

  app.post('/catalogue/items/:id/return', { preHandler: requireActor }, (request, reply) =>
    step(
      db,
      request,
      reply,
      'return',
      (actor, id, body) => returnForChanges(db, actor, { id, reason: textOf(body, 'reason') }),
      'returnReason',
    ),
  )

  app.post('/catalogue/items/:id/withdraw', { preHandler: requireActor }, (request, reply) =>
    step(
      db,
      request,
      reply,
      'withdraw',
      (actor, id, body) => withdrawItem(db, actor, { id, reason: textOf(body, 'reason') }),
      'withdrawalReason',
    ),
  )
}
