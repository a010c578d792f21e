// /admin/catalogue/columns: an agency's column tree (栏目管理) for its 机构管理员: add, rename, move to another
// parent, reorder among siblings. Every write is a catalogue operation (policy + audit); errors come back as
// the form with what was typed and the Chinese message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { agencyTarget, getAgency, type Actor } from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { agencyChoices, pickAgency } from './agency-choice.ts'
import {
  createColumn,
  ensureDefaultColumns,
  getColumn,
  getColumnTree,
  updateColumn,
  type CreateColumnInput,
  type UpdateColumnInput,
} from './catalogue-operations.ts'
import { canCatalogue, type Column, type ColumnNode } from './catalogue-surface.ts'
import { columnOptions, ColumnTree } from './column-tree.tsx'
import { formValues, idOf, textOf, idParamOf } from './form-input.ts'
import { publicPagesChanged } from './public-change.ts'

const PageQuery = z.object({
  agencyId: z.coerce.number().int().positive().optional().catch(undefined),
  saved: z.string().optional(),
})

type Values = Readonly<Record<string, string | undefined>>

interface ColumnsPage {
  readonly agencyId: number | undefined
  readonly saved?: boolean
  readonly values?: Values
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
  readonly status?: number
}

/** A column, for those who may manage its agency's columns. */
async function managedColumn(db: DB, actor: Actor, id: number): Promise<Column> {
  const column = await getColumn(db, id)
  const agency = await getAgency(db, actor, column.agencyId)
  if (!canCatalogue(actor, 'catalogue.column.manage', agencyTarget(agency))) {
    throw new DomainError('forbidden', '您没有管理该栏目的权限')
  }
  return column
}

function isFormError(err: unknown): err is DomainError {
  return isDomainError(err) && (err.code === 'invalid_input' || err.code === 'conflict')
}

async function sendColumnsPage(db: DB, request: FastifyRequest, reply: FastifyReply, page: ColumnsPage) {
  const actor = actorOf(request)
  const choices = await agencyChoices(db, actor, 'catalogue.column.manage')
  const agency = pickAgency(choices, actor, page.agencyId)
  const tree = await getColumnTree(db, agency.id)
  const token = csrfToken(request, reply)
  const v = page.values ?? {}
  const e = page.errors ?? {}
  const body = (
    <>
      <h1>栏目管理</h1>
      {page.saved ? (
        <p class="notice" role="status">
          栏目已保存。
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
      {choices.length > 1 ? (
        <form method="get" action="/admin/catalogue/columns" class="filters panel">
          <SelectField name="agencyId" label="机构" options={choices} value={String(agency.id)} />
          <div>
            <button type="submit">切换</button>
          </div>
        </form>
      ) : (
        ''
      )}
      <h2 safe>{`${agency.name}的政府信息公开栏目`}</h2>
      {tree.length === 0 ? (
        <p class="muted">尚无栏目。</p>
      ) : (
        <ColumnTree nodes={tree} canManage csrfToken={token} />
      )}
      <form method="post" action="/admin/catalogue/columns/defaults" class="panel">
        <CsrfField token={token} />
        <input type="hidden" name="agencyId" value={String(agency.id)} />
        <p class="hint">
          按《政府信息公开条例》补齐默认栏目（政府信息公开指南、政府信息公开制度、法定主动公开内容及其子栏目、政府信息公开年报）。已有栏目不受影响。
        </p>
        <button type="submit" class="secondary">
          补齐默认栏目
        </button>
      </form>
      <form method="post" action="/admin/catalogue/columns/new" class="panel stacked">
        <h2>新建栏目</h2>
        <CsrfField token={token} />
        <input type="hidden" name="agencyId" value={String(agency.id)} />
        <SelectField
          name="parentId"
          label="上级栏目"
          options={[{ value: '', label: '（顶级栏目）' }, ...columnOptions(tree)]}
          value={v.parentId}
          error={e.parentId}
        />
        <TextField name="name" label="栏目名称" value={v.name} error={e.name} required maxlength={60} />
        <TextField
          name="slug"
          label="栏目标识（网址中使用）"
          value={v.slug}
          error={e.slug}
          required
          hint="小写字母、数字和连字符，以字母开头，例如 policy-docs；创建后不可修改"
        />
        <button type="submit">新建栏目</button>
      </form>
    </>
  )
  return sendConsolePage(request, reply, { title: '栏目管理', body, status: page.status ?? 200 })
}

/** Parent choices when editing: every column of the agency except the column itself and its descendants. */
function parentChoicesExcluding(tree: readonly ColumnNode[], id: number): { value: string; label: string }[] {
  const prune = (nodes: readonly ColumnNode[]): ColumnNode[] =>
    nodes.filter((n) => n.id !== id).map((n) => ({ ...n, children: prune(n.children) }))
  return [{ value: '', label: '（顶级栏目）' }, ...columnOptions(prune(tree))]
}

async function sendEditPage(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  args: {
    id: number
    values?: Values
    errors?: Readonly<Record<string, string>>
    message?: string
    status?: number
  },
) {
  const column = await managedColumn(db, actorOf(request), args.id)
  const tree = await getColumnTree(db, column.agencyId)
  const v = args.values ?? {
    name: column.name,
    parentId: column.parentId === null ? '' : String(column.parentId),
    position: String(column.position),
  }
  const e = args.errors ?? {}
  const body = (
    <>
      <h1 safe>{`编辑栏目：${column.name}`}</h1>
      <p>
        <a href={`/admin/catalogue/columns?agencyId=${column.agencyId}`}>返回栏目管理</a>
      </p>
      {args.message ? (
        <p class="alert" role="alert" safe>
          {args.message}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/catalogue/columns/${column.id}/edit`} class="panel stacked">
        <CsrfField token={csrfToken(request, reply)} />
        <TextField name="name" label="栏目名称" value={v.name} error={e.name} required maxlength={60} />
        <SelectField
          name="parentId"
          label="上级栏目"
          options={parentChoicesExcluding(tree, column.id)}
          value={v.parentId}
          error={e.parentId}
        />
        <TextField name="position" label="排序（数字小的在前）" value={v.position} error={e.position} />
        <p class="hint" safe>{`栏目标识：${column.slug}（不可修改）`}</p>
        <button type="submit">保存</button>
      </form>
    </>
  )
  return sendConsolePage(request, reply, { title: '编辑栏目', body, status: args.status ?? 200 })
}

export function registerColumnRoutes(app: FastifyInstance, db: DB): void {
  app.get('/catalogue/columns', { preHandler: requireActor }, async (request, reply) => {
    const query = PageQuery.parse(request.query)
    return sendColumnsPage(db, request, reply, { agencyId: query.agencyId, saved: query.saved !== undefined })
  })

  app.post('/catalogue/columns/new', { preHandler: requireActor }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const agencyId = idOf(body, 'agencyId')
    const parentId = idOf(body, 'parentId')
    try {
      const input: CreateColumnInput = {
        agencyId: agencyId ?? 0,
        parentId: parentId ?? null,
        name: textOf(body, 'name'),
        slug: textOf(body, 'slug').trim(),
      }
      await createColumn(db, actorOf(request), input)
      publicPagesChanged(input.agencyId)
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendColumnsPage(db, request, reply, {
        agencyId,
        values: formValues(body),
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
    return reply.redirect(`/admin/catalogue/columns?agencyId=${agencyId}&saved=1`, 303)
  })

  app.post('/catalogue/columns/defaults', { preHandler: requireActor }, async (request, reply) => {
    const agencyId = idOf((request.body ?? {}) as Record<string, unknown>, 'agencyId') ?? 0
    await ensureDefaultColumns(db, actorOf(request), agencyId)
    publicPagesChanged(agencyId)
    return reply.redirect(`/admin/catalogue/columns?agencyId=${agencyId}&saved=1`, 303)
  })

  app.get('/catalogue/columns/:id/edit', { preHandler: requireActor }, async (request, reply) =>
    sendEditPage(db, request, reply, { id: idParamOf(request.params).id }),
  )

  app.post('/catalogue/columns/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const { id } = idParamOf(request.params)
    const body = (request.body ?? {}) as Record<string, unknown>
    let agencyId: number
    try {
      const position = idOf(body, 'position')
      const input: UpdateColumnInput = {
        id,
        name: textOf(body, 'name'),
        parentId: idOf(body, 'parentId') ?? null,
        ...(position === undefined ? {} : { position }),
      }
      const column = await updateColumn(db, actorOf(request), input)
      agencyId = column.agencyId
      publicPagesChanged(agencyId)
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendEditPage(db, request, reply, {
        id,
        values: formValues(body),
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
    return reply.redirect(`/admin/catalogue/columns?agencyId=${agencyId}&saved=1`, 303)
  })

  // 上移/下移: swap positions with the neighbouring sibling (two audited updates).
  app.post('/catalogue/columns/:id/move', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const { id } = idParamOf(request.params)
    const direction = textOf((request.body ?? {}) as Record<string, unknown>, 'direction')
    const column = await managedColumn(db, actor, id)
    const tree = await getColumnTree(db, column.agencyId)
    const find = (nodes: readonly ColumnNode[]): readonly ColumnNode[] | undefined =>
      nodes.some((n) => n.id === id) ? nodes : nodes.map((n) => find(n.children)).find((x) => x !== undefined)
    const siblings = find(tree) ?? []
    const at = siblings.findIndex((n) => n.id === id)
    const other = siblings[direction === 'up' ? at - 1 : at + 1]
    if (other !== undefined) {
      // Swap the two positions; where the siblings shared one, give them two so the order still changes.
      const [first, second] = direction === 'up' ? [column, other] : [other, column]
      const low = Math.min(first.position, second.position)
      const high = first.position === second.position ? low + 1 : Math.max(first.position, second.position)
      await updateColumn(db, actor, { id: first.id, position: low })
      await updateColumn(db, actor, { id: second.id, position: high })
      publicPagesChanged(column.agencyId)
    }
    return reply.redirect(`/admin/catalogue/columns?agencyId=${column.agencyId}&saved=1`, 303)
  })
}
