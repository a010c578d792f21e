// /admin/users: list, create (generated password shown once), edit roles/agency/disabled, reset password.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  agencyTarget,
  assignableRoles,
  can,
  createUser,
  getUser,
  listAgenciesFlat,
  listUsers,
  resetPassword,
  updateUser,
  userTarget,
  type Actor,
  type Role,
  type User,
} from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { CsrfField } from '../../shared/form-fields.tsx'
import { Pagination } from '../../shared/pagination.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { mergeRoles, rolesFromForm, textFromForm } from './user-form-input.ts'
import { OneTimePassword, UserForm, UserTable } from './user-views.tsx'

const IdParams = z.object({ id: z.coerce.number().int().positive() })
const ListQuery = z.object({
  agencyId: z.string().regex(/^\d+$/).optional().catch(undefined),
  search: z.string().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  saved: z.string().optional(),
})

/** Agencies a user account may be put in by `actor` (the `user.create` policy), indented by depth. */
async function agencyChoices(db: DB, actor: Actor) {
  const all = await listAgenciesFlat(db, actor)
  return all
    .filter((a) => can(actor, 'user.create', agencyTarget(a)))
    .map((a) => ({
      id: a.id,
      label: `${'　'.repeat(a.path.split('/').filter(Boolean).length - 1)}${a.name}`,
    }))
}

interface UserFormPage {
  readonly title: string
  readonly action: string
  readonly editing?: User
  readonly values: Readonly<Record<string, string | undefined>>
  readonly roles: readonly Role[]
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
  readonly status?: number
}

async function sendUserForm(db: DB, request: FastifyRequest, reply: FastifyReply, page: UserFormPage) {
  const actor = actorOf(request)
  const token = csrfToken(request, reply)
  const editing = page.editing
  const body = (
    <>
      <h1 safe>{page.title}</h1>
      <p>
        <a href="/admin/users">返回用户列表</a>
      </p>
      {page.message ? (
        <p class="alert" role="alert" safe>
          {page.message}
        </p>
      ) : (
        ''
      )}
      <UserForm
        action={page.action}
        csrfToken={token}
        creating={editing === undefined}
        values={page.values}
        roles={page.roles}
        errors={page.errors ?? {}}
        agencies={await agencyChoices(db, actor)}
        assignable={assignableRoles(actor)}
      />
      {editing !== undefined && can(actor, 'user.reset_password', userTarget(editing)) ? (
        <form method="post" action={`/admin/users/${editing.id}/reset-password`} class="panel">
          <h2>重置密码</h2>
          <p>为该用户生成新的初始密码。原密码立即失效，用户下次登录时必须修改密码。</p>
          <CsrfField token={token} />
          <button type="submit" class="secondary">
            重置密码
          </button>
        </form>
      ) : (
        ''
      )}
    </>
  )
  return sendConsolePage(request, reply, { title: page.title, body, status: page.status ?? 200 })
}

function isFormError(err: unknown): err is DomainError {
  return isDomainError(err) && (err.code === 'invalid_input' || err.code === 'conflict')
}

export function registerUserRoutes(app: FastifyInstance, db: DB): void {
  app.get('/users', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    // Accounts without user.view on their own agency see only themselves; the page is not for them.
    if (!can(actor, 'user.view', agencyTarget({ id: actor.agencyId, path: actor.agencyPath }))) {
      throw new DomainError('forbidden', '您没有查看用户的权限')
    }
    const query = ListQuery.parse(request.query)
    const result = await listUsers(db, actor, {
      agencyId: query.agencyId,
      search: query.search,
      page: query.page,
    })
    const rows = result.items.map((user) => ({
      user,
      canUpdate: can(actor, 'user.update', userTarget(user)),
    }))
    const mayCreate = (await agencyChoices(db, actor)).length > 0
    const body = (
      <>
        <h1>用户管理</h1>
        {query.saved === undefined ? (
          ''
        ) : (
          <p class="notice" role="status">
            用户信息已保存。
          </p>
        )}
        {mayCreate ? (
          <p>
            <a class="button" href="/admin/users/new">
              新建用户
            </a>
          </p>
        ) : (
          ''
        )}
        <form method="get" action="/admin/users" class="filters panel" role="search">
          {query.agencyId === undefined ? '' : <input type="hidden" name="agencyId" value={query.agencyId} />}
          <div class="field">
            <label for="search">按用户名或姓名查找</label>
            <input id="search" name="search" type="text" value={query.search ?? ''} />
          </div>
          <div>
            <button type="submit">查找</button>
          </div>
        </form>
        <UserTable rows={rows} />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          baseUrl={request.url}
        />
      </>
    )
    return sendConsolePage(request, reply, { title: '用户管理', body })
  })

  app.get('/users/new', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const choices = await agencyChoices(db, actor)
    if (choices.length === 0) throw new DomainError('forbidden', '您没有新建用户的权限')
    const preset = String(
      choices.some((c) => c.id === actor.agencyId) ? actor.agencyId : (choices[0]?.id ?? ''),
    )
    return sendUserForm(db, request, reply, {
      title: '新建用户',
      action: '/admin/users/new',
      values: { agencyId: preset },
      roles: [],
    })
  })

  app.post('/users/new', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const input = {
      agencyId: textFromForm(body, 'agencyId'),
      username: textFromForm(body, 'username'),
      displayName: textFromForm(body, 'displayName'),
      roles: rolesFromForm(body),
    }
    try {
      const created = await createUser(db, actor, input)
      const page = (
        <>
          <h1>用户已创建</h1>
          <OneTimePassword username={created.user.username} password={created.firstPassword} />
          <p>
            <a href="/admin/users">返回用户列表</a> · <a href="/admin/users/new">继续新建用户</a>
          </p>
        </>
      )
      return await sendConsolePage(request, reply, { title: '用户已创建', body: page, status: 201 })
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendUserForm(db, request, reply, {
        title: '新建用户',
        action: '/admin/users/new',
        values: { ...input, roles: undefined },
        roles: input.roles,
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
  })

  app.get('/users/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const user = await getUser(db, actor, IdParams.parse(request.params).id)
    if (!can(actor, 'user.update', userTarget(user))) {
      throw new DomainError('forbidden', '您没有编辑该用户的权限')
    }
    return sendUserForm(db, request, reply, {
      title: `编辑用户：${user.username}`,
      action: `/admin/users/${user.id}/edit`,
      editing: user,
      values: {
        displayName: user.displayName,
        agencyId: String(user.agencyId),
        disabled: user.disabled ? '1' : '',
      },
      roles: user.roles,
    })
  })

  app.post('/users/:id/edit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const before = await getUser(db, actor, IdParams.parse(request.params).id)
    const body = (request.body ?? {}) as Record<string, unknown>
    const roles = mergeRoles(rolesFromForm(body), before.roles, assignableRoles(actor))
    const input = {
      id: before.id,
      displayName: textFromForm(body, 'displayName'),
      agencyId: textFromForm(body, 'agencyId'),
      roles,
      disabled: textFromForm(body, 'disabled') === '1',
    }
    try {
      await updateUser(db, actor, input)
    } catch (err) {
      if (!isFormError(err)) throw err
      return sendUserForm(db, request, reply, {
        title: `编辑用户：${before.username}`,
        action: `/admin/users/${before.id}/edit`,
        editing: before,
        values: {
          displayName: input.displayName,
          agencyId: input.agencyId,
          disabled: input.disabled ? '1' : '',
        },
        roles,
        errors: err.fields,
        message: err.message,
        status: 422,
      })
    }
    return reply.redirect('/admin/users?saved=1', 303)
  })

  app.post('/users/:id/reset-password', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const user = await getUser(db, actor, IdParams.parse(request.params).id)
    const { firstPassword } = await resetPassword(db, actor, { userId: user.id })
    const body = (
      <>
        <h1>密码已重置</h1>
        <OneTimePassword username={user.username} password={firstPassword} />
        <p>
          <a href="/admin/users">返回用户列表</a>
        </p>
      </>
    )
    return sendConsolePage(request, reply, { title: '密码已重置', body })
  })
}
