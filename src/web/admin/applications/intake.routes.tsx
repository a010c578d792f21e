// /admin/applications/new: staff entry of an application (条例第二十九条、第三十一条) through
// `recordStaffApplication`; a refused entry shows the form again with what was typed and each field's message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { agencyTarget, listAgenciesFlat, type Actor } from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import {
  bodyOf,
  canApplication,
  formValues,
  optionalTextOf,
  recordStaffApplication,
} from './applications-surface.ts'
import { IntakeForm } from './intake-form.tsx'

/** The agencies the actor may register applications for (own agency first). */
async function intakeAgencies(db: DB, actor: Actor): Promise<{ value: string; label: string }[]> {
  const visible = await listAgenciesFlat(db, actor)
  const mayHandle = visible.filter((a) => canApplication(actor, 'application.handle', agencyTarget(a)))
  const own = { value: String(actor.agencyId), label: actor.agencyName }
  const ownAllowed = canApplication(actor, 'application.handle', {
    agencyId: actor.agencyId,
    agencyPath: actor.agencyPath,
  })
  const others = mayHandle
    .filter((a) => a.id !== actor.agencyId)
    .map((a) => ({ value: String(a.id), label: a.name }))
  const choices = [...(ownAllowed ? [own] : []), ...others]
  if (choices.length === 0) throw new DomainError('forbidden', '您没有登记依申请公开申请的权限')
  return choices
}

async function sendForm(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    values?: Record<string, string>
    errors?: Record<string, string>
    message?: string
    status?: number
  },
) {
  const agencies = await intakeAgencies(db, actorOf(request))
  const body = (
    <>
      <h1>登记政府信息公开申请</h1>
      <p>
        <a href="/admin/applications">返回办理列表</a>
      </p>
      {page.message ? (
        <p class="alert" role="alert" safe>
          {page.message}
        </p>
      ) : (
        ''
      )}
      <IntakeForm
        csrfToken={csrfToken(request, reply)}
        agencies={agencies}
        values={page.values ?? {}}
        errors={page.errors ?? {}}
      />
    </>
  )
  return sendConsolePage(request, reply, { title: '登记政府信息公开申请', body, status: page.status ?? 200 })
}

export function registerIntakeRoutes(app: FastifyInstance, db: DB): void {
  app.get('/applications/new', { preHandler: requireActor }, (request, reply) =>
    sendForm(db, request, reply, {}),
  )

  app.post('/applications/new', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const body = bodyOf(request.body)
    const fields = [
      'agencyId',
      'channel',
      'arrivedOn',
      'confirmedOn',
      'applicantType',
      'orgSubtype',
      'name',
      'idType',
      'idNumber',
      'contactName',
      'phone',
      'email',
      'address',
      'postcode',
      'description',
      'documentRef',
      'formWanted',
      'deliveryMethod',
      'intakeNote',
    ]
    const input = Object.fromEntries(
      fields.flatMap((f) => {
        const v = optionalTextOf(body, f)
        return v === undefined ? [] : [[f, v]]
      }),
    )
    try {
      const created = await recordStaffApplication(db, actor, input as never)
      return await reply.redirect(`/admin/applications/${created.applicationId}?done=registered`, 303)
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'invalid_input') throw err
      return sendForm(db, request, reply, {
        values: formValues(body),
        errors: { ...err.fields },
        message: err.message,
        status: 422,
      })
    }
  })
}
