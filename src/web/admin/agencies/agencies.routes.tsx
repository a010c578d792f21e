// /admin/agencies: the agency tree, creating an agency under one the user administers, editing one.
// Every decision is the accounts policy's; pages only hide what it would refuse anyway.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  agencyTarget,
  can,
  createAgency,
  getAgency,
  listAgencies,
  listAgenciesFlat,
  updateAgency,
  type Actor,
  type Agency,
} from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { AgencyForm, agencyToFormValues, type AgencyFormValues } from './agency-form.tsx'
import { agencyInputFromForm, formValues } from './agency-form-input.ts'
import { AgencyTree } from './agency-tree.tsx'

const IdParams = z.object({ id: z.coerce.number().int().positive() })
const NewQuery = z.object({ parentId: z.string().optional() })
const ListQuery = z.object({ saved: z.string().optional() })

/** Agencies `actor` may place a new (or moved) agency under, indented by depth for the select. */
async function parentChoices(db: DB, actor: Actor) {
  const all = await listAgenciesFlat(db, actor)
  const depthOf = (a: Agency) => a.path.split('/').filter(Boolean).length - 1
  return all
    .filter((a) => can(actor, 'agency.create', agencyTarget(a)))
    .map((a) => ({ id: a.id, path: a.path, label: `${'　'.repeat(depthOf(a))}${a.name}` }))
}

/**
 * Parent choices for the form. When editing, the agency's own subtree is excluded, and the choice is hidden
 * altogether when the current parent is outside what the user may choose (an agency administrator editing its
 * own agency keeps it where it is rather than being offered a move it may not make).
 */
async function parentsFor(db: DB, actor: Actor, editing: Agency | undefined) {
  const choices = await parentChoices(db, actor)
  if (editing === undefined) return choices
  const outsideSubtree = choices.filter((c) => !c.path.startsWith(editing.path))
  if (actor.roles.includes('platform_admin')) return outsideSubtree
  if (editing.parentId === null || !outsideSubtree.some((c) => c.id === editing.parentId)) return []
  return outsideSubtree
}

interface FormPageArgs {
  readonly title: string
  /** The agency being edited: it and its subtree cannot become its own parent. */
  readonly editing?: Agency
  readonly action: string
  readonly values: AgencyFormValues
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
  readonly status?: number
}

async function sendAgencyForm(db: DB, request: FastifyRequest, reply: FastifyReply, args: FormPageArgs) {
  const actor = actorOf(request)
  const body = (
    <>
      <h1 safe>{args.title}</h1>
      <p>
        <a href="/admin/agencies">返回机构列表</a>
      </p>
      {args.message ? (
        <p class="alert" role="alert" safe>
          {args.message}
        </p>
      ) : (
        ''
      )}
      <AgencyForm
        action={args.action}
        csrfToken={csrfToken(request, reply)}
        values={args.values}
        errors={args.errors ?? {}}
        parents={await parentsFor(db, actor, args.editing)}
        allowRoot={actor.roles.includes('platform_admin')}
        submitLabel="保存"
      />
    </>
  )
  return sendConsolePage(request, reply, { title: args.title, body, status: args.status ?? 200 })
}

export function registerAgencyRoutes(app: FastifyInstance, db: DB): void {
  app.get('/agencies', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const saved = ListQuery.parse(request.query).saved !== undefined
    const tree = await listAgencies(db, actor)
    const actionsFor = (a: Agency) => ({
      canUpdate: can(actor, 'agency.update', agencyTarget(a)),
      canCreateChild: can(actor, 'agency.create', agencyTarget(a)),
      canViewUsers: can(actor, 'user.view', agencyTarget(a)),
    })
    const body = (
      <>
        <h1>机构管理</h1>
        {saved ? (
          <p class="notice" role="status">
            机构信息已保存。
          </p>
        ) : (
          ''
        )}
        {actor.roles.includes('platform_admin') ? (
          <p>
            <a class="button" href="/admin/agencies/new">
              新建顶级机构
            </a>
          </p>
        ) : (
          ''
        )}
        <AgencyTree nodes={tree} actionsFor={actionsFor} />
      </>
    )
    return sendConsolePage(request, reply, { title: '机构管理', body })
  })

  app.get('/agencies/new', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const parentId = NewQuery.parse(request.query).parentId ?? ''
    const mayCreateSomewhere =
      actor.roles.includes('platform_admin') || (await parentChoices(db, actor)).length > 0
    if (!mayCreateSomewhere) throw new DomainError('forbidden', '您没有新建机构的权限')
    return sendAgencyForm(db, request, reply, {
      title: '新建机构',
      action: '/admin/agencies/new',
      values: { parentId, kind: 'department' },
    })
  })

  app.post('/agencies/new', { preHandler: requireActor }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    try {
      await createAgency(db, actorOf(request), agencyInputFromForm(body))
    } catch (err) {
      if (!isDomainError(err) || (err.code !== 'invalid_input' && err.code !== 'conflict')) throw err
      return sendAgencyForm(db, request, reply, {
        title: '新建机构',
        action: '/admin/agencies/new',
        values: formValues(body),
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
    return reply.redirect('/admin/agencies?saved=1', 303)
  })

  app.get('/agencies/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const agency = await getAgency(db, actor, IdParams.parse(request.params).id)
    if (!can(actor, 'agency.update', agencyTarget(agency))) {
      throw new DomainError('forbidden', '您没有编辑该机构的权限')
    }
    return sendAgencyForm(db, request, reply, {
      title: `编辑机构：${agency.name}`,
      action: `/admin/agencies/${agency.id}/edit`,
      values: agencyToFormValues(agency),
      editing: agency,
    })
  })

  app.post('/agencies/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const body = (request.body ?? {}) as Record<string, unknown>
    try {
      await updateAgency(db, actorOf(request), { ...agencyInputFromForm(body), id })
    } catch (err) {
      if (!isDomainError(err) || (err.code !== 'invalid_input' && err.code !== 'conflict')) throw err
      return sendAgencyForm(db, request, reply, {
        title: '编辑机构',
        action: `/admin/agencies/${id}/edit`,
        editing: await getAgency(db, actorOf(request), id),
        values: formValues(body),
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
    return reply.redirect('/admin/agencies?saved=1', 303)
  })
}
