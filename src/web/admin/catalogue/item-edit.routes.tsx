// /admin/catalogue/items/new and /admin/catalogue/items/:id/edit: the draft form of 信息发布员. 「预览正文」
// shows the body as the catalogue sanitises it without saving; 「保存草稿」 saves through createDraft /
// updateDraft. A refused save shows the form again with everything typed and the Chinese messages (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { agencyChoices, pickAgency } from './agency-choice.ts'
import {
  createDraft,
  getColumnTree,
  getItemView,
  topicsOf,
  updateDraft,
  type ItemView,
} from './catalogue-operations.ts'
import { sanitizeBodyHtml, type CreateDraftInput, type UpdateDraftInput } from './catalogue-surface.ts'
import { columnOptions } from './column-tree.tsx'
import { formValues, itemFieldsFromForm, textOf, idParamOf } from './form-input.ts'
import { BodyPreview, ItemForm, itemToFormValues, type ItemFormValues } from './item-form.tsx'

const NewQuery = z.object({ agencyId: z.coerce.number().int().positive().optional().catch(undefined) })

interface FormPage {
  readonly title: string
  readonly action: string
  readonly agencyId: number
  readonly values: ItemFormValues
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
  readonly preview?: boolean
  readonly status?: number
}

async function sendItemForm(db: DB, request: FastifyRequest, reply: FastifyReply, page: FormPage) {
  const tree = await getColumnTree(db, page.agencyId)
  // Only the catalogue's sanitiser output is put into the page unescaped.
  const safePreview = page.preview ? sanitizeBodyHtml(page.values.bodyHtml ?? '') : null
  const body = (
    <>
      <h1 safe>{page.title}</h1>
      <p>
        <a href={`/admin/catalogue/items?agencyId=${page.agencyId}`}>返回信息列表</a>
      </p>
      {page.message ? (
        <p class="alert" role="alert" safe>
          {page.message}
        </p>
      ) : (
        ''
      )}
      {safePreview === null ? '' : <BodyPreview safeHtml={safePreview} />}
      <ItemForm
        action={page.action}
        csrfToken={csrfToken(request, reply)}
        values={page.values}
        errors={page.errors ?? {}}
        columns={columnOptions(tree)}
        topics={await topicsOf(db, page.agencyId)}
      />
    </>
  )
  return sendConsolePage(request, reply, { title: page.title, body, status: page.status ?? 200 })
}

async function draftAgency(db: DB, actor: Actor, requested: number | undefined) {
  return pickAgency(await agencyChoices(db, actor, 'catalogue.item.edit'), actor, requested)
}

/** The edit form is for those who may edit the item (the operation decides again when saving). */
function assertMayEdit(view: ItemView): void {
  if (!view.abilities['catalogue.item.edit']) throw new DomainError('forbidden', '您没有编辑该信息的权限')
}

function isFormError(err: unknown): err is DomainError {
  return (
    isDomainError(err) &&
    (err.code === 'invalid_input' || err.code === 'conflict' || err.code === 'not_found')
  )
}

export function registerItemEditRoutes(app: FastifyInstance, db: DB): void {
  app.get('/catalogue/items/new', { preHandler: requireActor }, async (request, reply) => {
    const agency = await draftAgency(db, actorOf(request), NewQuery.parse(request.query).agencyId)
    return sendItemForm(db, request, reply, {
      title: '新建信息',
      action: `/admin/catalogue/items/new?agencyId=${agency.id}`,
      agencyId: agency.id,
      values: { publisherName: agency.name, validity: 'valid', itemType: 'ordinary' },
    })
  })

  app.post('/catalogue/items/new', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const agency = await draftAgency(db, actor, NewQuery.parse(request.query).agencyId)
    const body = (request.body ?? {}) as Record<string, unknown>
    const page = {
      title: '新建信息',
      action: `/admin/catalogue/items/new?agencyId=${agency.id}`,
      agencyId: agency.id,
      values: formValues(body),
    }
    if (textOf(body, 'intent') === 'preview') {
      return sendItemForm(db, request, reply, { ...page, preview: true })
    }
    try {
      const fields = itemFieldsFromForm(body)
      // The operation validates every field (CreateDraftSchema); the cast names what it will check.
      const item = await createDraft(db, actor, {
        ...fields,
        columnId: fields.columnId ?? 0,
      } as CreateDraftInput)
      return await reply.redirect(`/admin/catalogue/items/${item.id}?saved=1`, 303)
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendItemForm(db, request, reply, {
        ...page,
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
  })

  app.get('/catalogue/items/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const view = await getItemView(db, actor, idParamOf(request.params).id)
    assertMayEdit(view)
    const { item } = view
    return sendItemForm(db, request, reply, {
      title: `编辑信息：${item.title}`,
      action: `/admin/catalogue/items/${item.id}/edit`,
      agencyId: item.agencyId,
      values: itemToFormValues(item),
    })
  })

  app.post('/catalogue/items/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const view = await getItemView(db, actor, idParamOf(request.params).id)
    assertMayEdit(view)
    const { item } = view
    const body = (request.body ?? {}) as Record<string, unknown>
    const page = {
      title: `编辑信息：${item.title}`,
      action: `/admin/catalogue/items/${item.id}/edit`,
      agencyId: item.agencyId,
      values: formValues(body),
    }
    if (textOf(body, 'intent') === 'preview') {
      return sendItemForm(db, request, reply, { ...page, preview: true })
    }
    try {
      // The operation validates every field (UpdateDraftSchema); the cast names what it will check.
      await updateDraft(db, actor, { ...itemFieldsFromForm(body), id: item.id } as UpdateDraftInput)
      return await reply.redirect(`/admin/catalogue/items/${item.id}?saved=1`, 303)
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendItemForm(db, request, reply, {
        ...page,
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
  })
}
