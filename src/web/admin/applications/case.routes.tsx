// /admin/applications/:id — the case page and everything done from it: the audited reveal of the applicant,
// the case steps, officer assignment, letters (preview, send, download). Each POST carries the CSRF token
// (checked before any handler) and calls one applications operation, which checks the policy and audits.
// A refused step shows the page again with the statute's reason (409) or the field messages (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import {
  assignOfficer,
  bodyOf,
  formValues,
  getCase,
  getLetterFile,
  idParam,
  listCaseOfficers,
  optionalTextOf,
  previewLetter,
  revealApplicantDetails,
  sendLetter,
  textOf,
} from './applications-surface.ts'
import type { Applicant, FormBody } from './applications-surface.ts'
import { CasePage } from './case-page.tsx'
import { availableSteps, isStep, runStep, STEP_DONE, type Step } from './case-steps.ts'
import type { StepFormState } from './step-forms.tsx'

const DONE: Readonly<Record<string, string>> = {
  ...STEP_DONE,
  registered: '申请已登记。',
  assigned: '承办人已保存。',
  letter: '文书已生成并发送，已存档，不可更改。',
}

function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}

interface PageState {
  readonly notice?: string | undefined
  readonly message?: string | undefined
  readonly status?: number
  readonly revealed?: Applicant
  readonly stepState?: StepFormState
  readonly letterPreview?: { title: string; text: string }
  readonly letterValues?: Record<string, string>
  readonly letterErrors?: Record<string, string>
}

async function sendCasePage(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  state: PageState,
) {
  const actor = actorOf(request)
  const detail = await getCase(db, actor, id)
  const mayHandle = detail.abilities['application.handle']
  const officers = mayHandle ? await listCaseOfficers(db, actor, id) : []
  const officerName =
    detail.officerId === null
      ? null
      : (officers.find((o) => o.id === detail.officerId)?.displayName ??
        (detail.officerId === actor.userId ? actor.displayName : null))
  const body = (
    <>
      <h1 safe>{`政府信息公开申请 ${detail.trackingCode}`}</h1>
      <p>
        <a href="/admin/applications">返回办理列表</a>
      </p>
      {state.notice ? (
        <p class="notice" role="status" safe>
          {state.notice}
        </p>
      ) : (
        ''
      )}
      {state.message ? (
        <p class="alert" role="alert" safe>
          {state.message}
        </p>
      ) : (
        ''
      )}
      <CasePage
        detail={detail}
        csrfToken={csrfToken(request, reply)}
        today={chinaToday()}
        revealed={state.revealed}
        steps={availableSteps(detail)}
        stepState={state.stepState ?? { values: {}, errors: {} }}
        mayHandle={mayHandle}
        officers={officers}
        officerName={officerName}
        letterPreview={state.letterPreview}
        letterValues={state.letterValues ?? {}}
        letterErrors={state.letterErrors ?? {}}
      />
    </>
  )
  return sendConsolePage(request, reply, {
    title: `申请 ${detail.trackingCode}`,
    body,
    status: state.status ?? 200,
  })
}

/** Refusals a form can show (bad input, the statute refusing the step); anything else goes to the error page. */
function formRefusal(err: unknown): DomainError | undefined {
  return isDomainError(err) && (err.code === 'invalid_input' || err.code === 'conflict') ? err : undefined
}

function refusalMessage(err: DomainError): string {
  const fields = Object.values(err.fields)
  return fields.length > 0 ? `${err.message}：${fields.join('；')}` : err.message
}

function letterInput(id: number, body: FormBody) {
  return {
    applicationId: id,
    on: textOf(body, 'on'),
    request: textOf(body, 'request') as 'answer',
    reasons: optionalTextOf(body, 'reasons'),
    consultedParty: optionalTextOf(body, 'consultedParty'),
    feeBands: optionalTextOf(body, 'feeBands'),
  }
}

export function registerCaseRoutes(app: FastifyInstance, db: DB): void {
  app.get('/applications/:id', { preHandler: requireActor }, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const done = typeof query.done === 'string' ? DONE[query.done] : undefined
    return sendCasePage(db, request, reply, idParam(request.params), { notice: done })
  })

  app.post('/applications/:id/reveal', { preHandler: requireActor }, async (request, reply) => {
    const id = idParam(request.params)
    const revealed = await revealApplicantDetails(db, actorOf(request), id)
    return sendCasePage(db, request, reply, id, { revealed })
  })

  app.post('/applications/:id/steps/:step', { preHandler: requireActor }, async (request, reply) => {
    const id = idParam(request.params)
    const stepName = (request.params as { step?: unknown }).step
    if (typeof stepName !== 'string' || !isStep(stepName)) {
      throw new DomainError('not_found', '没有这个办理步骤')
    }
    const step: Step = stepName
    const body = bodyOf(request.body)
    try {
      await runStep(db, actorOf(request), id, step, body)
    } catch (err) {
      const refusal = formRefusal(err)
      if (!refusal) throw err
      return sendCasePage(db, request, reply, id, {
        message: refusalMessage(refusal),
        status: refusal.code === 'conflict' ? 409 : 422,
        stepState: { step, values: formValues(body), errors: { ...refusal.fields } },
      })
    }
    return reply.redirect(`/admin/applications/${id}?done=${step}`, 303)
  })

  app.post('/applications/:id/assign', { preHandler: requireActor }, async (request, reply) => {
    const id = idParam(request.params)
    const body = bodyOf(request.body)
    const officer = optionalTextOf(body, 'officerId')
    try {
      await assignOfficer(db, actorOf(request), { applicationId: id, officerId: officer ?? null })
    } catch (err) {
      const refusal = formRefusal(err)
      if (!refusal) throw err
      return sendCasePage(db, request, reply, id, {
        message: refusalMessage(refusal),
        status: 422,
        stepState: { values: {}, errors: { ...refusal.fields } },
      })
    }
    return reply.redirect(`/admin/applications/${id}?done=assigned`, 303)
  })

  app.post('/applications/:id/letters', { preHandler: requireActor }, async (request, reply) => {
    const id = idParam(request.params)
    const body = bodyOf(request.body)
    const actor = actorOf(request)
    const input = letterInput(id, body)
    try {
      if (textOf(body, 'intent') === 'preview') {
        const preview = await previewLetter(db, actor, input)
        return await sendCasePage(db, request, reply, id, {
          letterPreview: preview,
          letterValues: formValues(body),
        })
      }
      await sendLetter(db, actor, input)
    } catch (err) {
      const refusal = formRefusal(err)
      if (!refusal) throw err
      return sendCasePage(db, request, reply, id, {
        message: refusalMessage(refusal),
        status: refusal.code === 'conflict' ? 409 : 422,
        letterValues: formValues(body),
        letterErrors: { ...refusal.fields },
      })
    }
    return reply.redirect(`/admin/applications/${id}?done=letter#h-letters`, 303)
  })

  app.get('/applications/letters/:id/:format', { preHandler: requireActor }, async (request, reply) => {
    const letterId = idParam(request.params)
    const format = (request.params as { format?: unknown }).format
    if (format !== 'pdf' && format !== 'docx') throw new DomainError('not_found', '文书格式不存在')
    const file = await getLetterFile(db, actorOf(request), letterId, format)
    return reply
      .type(file.mediaType)
      .header(
        'content-disposition',
        `attachment; filename="letter.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .header('cache-control', 'no-store')
      .send(file.bytes)
  })
}
