// GET/POST /admin/password: change one's own password. Also the forced first-login change: `requireActor`
// sends a user holding a generated password here until it is changed.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { changePassword, PASSWORD_MIN_LENGTH } from '../../../accounts/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { CsrfField, TextField } from '../../shared/form-fields.tsx'
import { sessionTokenOf } from '../../shared/session.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'

const PasswordForm = z.object({
  currentPassword: z.string().max(200).default(''),
  newPassword: z.string().max(200).default(''),
  confirmPassword: z.string().max(200).default(''),
})

interface PasswordPageProps {
  readonly csrfToken: string
  readonly forced: boolean
  readonly fields?: Readonly<Record<string, string>>
  readonly message?: string | undefined
  readonly done?: boolean
}

function PasswordPage({ csrfToken: token, forced, fields = {}, message, done }: PasswordPageProps) {
  return (
    <>
      <h1>修改密码</h1>
      {forced ? (
        <p class="alert" role="alert">
          您正在使用系统生成的初始密码。为保障账号安全，请先设置新密码，然后才能继续使用平台。
        </p>
      ) : (
        ''
      )}
      {done ? (
        <p class="notice" role="status">
          密码已修改。您在其他设备上的登录已全部退出。
        </p>
      ) : (
        ''
      )}
      {message ? (
        <p class="alert" role="alert" safe>
          {message}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/admin/password" class="stacked panel">
        <CsrfField token={token} />
        <TextField
          name="currentPassword"
          label="当前密码"
          type="password"
          required
          autocomplete="current-password"
          error={fields.currentPassword}
        />
        <TextField
          name="newPassword"
          label="新密码"
          type="password"
          required
          autocomplete="new-password"
          hint={`至少${PASSWORD_MIN_LENGTH}个字符，不能包含用户名。`}
          error={fields.newPassword}
        />
        <TextField
          name="confirmPassword"
          label="再次输入新密码"
          type="password"
          required
          autocomplete="new-password"
          error={fields.confirmPassword}
        />
        <button type="submit">保存新密码</button>
      </form>
    </>
  )
}

export function registerPasswordRoutes(app: FastifyInstance, db: DB): void {
  app.get('/password', { preHandler: requireActor }, async (request, reply) => {
    const forced = actorOf(request).mustChangePassword
    const done = (request.query as { done?: string }).done !== undefined
    const body = <PasswordPage csrfToken={csrfToken(request, reply)} forced={forced} done={done} />
    return sendConsolePage(request, reply, { title: '修改密码', body })
  })

  app.post('/password', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const form = PasswordForm.parse(request.body ?? {})
    const rerender = (fields: Record<string, string>, message: string | undefined) => {
      const body = (
        <PasswordPage
          csrfToken={csrfToken(request, reply)}
          forced={actor.mustChangePassword}
          fields={fields}
          message={message}
        />
      )
      return sendConsolePage(request, reply, { title: '修改密码', body, status: 422 })
    }
    if (form.newPassword !== form.confirmPassword) {
      return rerender({ confirmPassword: '两次输入的新密码不一致' }, undefined)
    }
    try {
      await changePassword(db, actor, {
        currentPassword: form.currentPassword,
        newPassword: form.newPassword,
        keepSessionToken: sessionTokenOf(request),
      })
    } catch (err) {
      if (isDomainError(err) && err.code === 'invalid_input') return rerender({ ...err.fields }, err.message)
      throw err
    }
    return reply.redirect(actor.mustChangePassword ? '/admin' : '/admin/password?done=1', 303)
  })
}
