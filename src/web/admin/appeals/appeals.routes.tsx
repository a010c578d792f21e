// /admin/appeals/:agencyId: an agency's 行政复议 / 行政诉讼 records arising from disclosure work (表四): the list
// (by year and kind), recording a case, and recording or correcting its outcome and conclusion date. The
// appeals operations check the policy (依申请办理员 and 机构管理员 write, 监督员 read) and audit every write.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  AGENCY_ROLE_LABELS,
  AGENCY_ROLES,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  listAppeals,
  recordAppeal,
  updateAppealOutcome,
} from '../../../appeals/index.ts'
import type { AppealKind, AppealPage } from '../../../appeals/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'

type Body = Readonly<Record<string, unknown>>
type Values = Readonly<Record<string, string>>

const AgencyParams = z.object({
  agencyId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
})
const AppealParams = AgencyParams.extend({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
})
const Query = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z
    .enum(APPEAL_KINDS as [AppealKind, ...AppealKind[]])
    .optional()
    .catch(undefined),
})

const text = (body: Body, key: string) => (typeof body[key] === 'string' ? body[key] : '')
const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

function stringValues(body: Body): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v
  return out
}

function OutcomeForm(props: {
  agencyId: number
  appealId: number
  outcome: string
  concludedOn: string | null
  token: string
}) {
  const idp = `o-${props.appealId}`
  return (
    <form method="post" action={`/admin/appeals/${props.agencyId}/${props.appealId}/outcome`} class="inline">
      <CsrfField token={props.token} />
      <label for={`${idp}-outcome`} class="visually-hidden">
        审理结果
      </label>
      <select id={`${idp}-outcome`} name="outcome">
        {APPEAL_OUTCOMES.map((o) => (
          <option value={o} selected={o === props.outcome} safe>
            {APPEAL_OUTCOME_LABELS[o]}
          </option>
        ))}
      </select>
      <label for={`${idp}-date`} class="visually-hidden">
        审结日期
      </label>
      <input id={`${idp}-date`} type="date" name="concludedOn" value={props.concludedOn ?? ''} />
      <button type="submit" class="secondary">
        更新结果
      </button>
    </form>
  )
}

function AppealsBody(props: {
  agencyId: number
  page: AppealPage
  year: number | undefined
  token: string
  values: Values
  errors: Readonly<Record<string, string>>
  message?: string | undefined
  saved: boolean
}) {
  const { page, agencyId, token } = props
  const v = props.values
  const e = props.errors
  const canRecord = page.abilities['appeal.record']
  return (
    <>
      <h1>行政复议和行政诉讼</h1>
      <p class="hint">因政府信息公开工作被申请行政复议、被提起行政诉讼的案件，计入年度报告表四。</p>
      {props.saved ? (
        <p class="notice" role="status">
          已保存。
        </p>
      ) : (
        ''
      )}
      {props.message ? (
        <p class="alert" role="alert" safe>
          {props.message}
        </p>
      ) : (
        ''
      )}
      <form method="get" action={`/admin/appeals/${agencyId}`} class="filters" role="search">
        <TextField
          name="year"
          label="年度（立案或审结）"
          value={props.year === undefined ? '' : String(props.year)}
          maxlength={4}
        />
        <button type="submit">筛选</button>
      </form>
      {page.items.length === 0 ? (
        <p class="muted">没有案件记录。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption safe>{`共${page.total}件`}</caption>
            <thead>
              <tr>
                <th scope="col">案件类型</th>
                <th scope="col">案号</th>
                <th scope="col">立案日期</th>
                <th scope="col">本机关地位</th>
                <th scope="col">涉及申请</th>
                <th scope="col">审理结果</th>
                <th scope="col">审结日期</th>
                {canRecord ? <th scope="col">操作</th> : ''}
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr id={`appeal-${a.id}`}>
                  <td safe>{APPEAL_KIND_LABELS[a.kind]}</td>
                  <td safe>{a.caseNumber}</td>
                  <td safe>{a.filedOn}</td>
                  <td safe>{AGENCY_ROLE_LABELS[a.agencyRole]}</td>
                  <td>
                    {a.applicationId === null ? (
                      ''
                    ) : (
                      <a href={`/admin/applications/${a.applicationId}`} safe>{`申请 ${a.applicationId}`}</a>
                    )}
                  </td>
                  <td safe>{APPEAL_OUTCOME_LABELS[a.outcome]}</td>
                  <td safe>{a.concludedOn ?? ''}</td>
                  {canRecord ? (
                    <td>
                      <OutcomeForm
                        agencyId={agencyId}
                        appealId={a.id}
                        outcome={a.outcome}
                        concludedOn={a.concludedOn}
                        token={token}
                      />
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord ? (
        <section class="panel" aria-labelledby="record-h">
          <h2 id="record-h">登记案件</h2>
          <form method="post" action={`/admin/appeals/${agencyId}`} class="stacked">
            <CsrfField token={token} />
            <SelectField
              name="kind"
              label="案件类型"
              options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }))}
              value={v.kind}
              error={e.kind}
              required
            />
            <TextField
              name="caseNumber"
              label="案号"
              value={v.caseNumber}
              error={e.caseNumber}
              required
              maxlength={100}
            />
            <TextField
              name="filedOn"
              label="立案日期"
              type="date"
              value={v.filedOn}
              error={e.filedOn}
              required
            />
            <TextField
              name="applicationId"
              label="涉及的政府信息公开申请编号"
              value={v.applicationId}
              error={e.applicationId}
              maxlength={12}
            />
            <SelectField
              name="agencyRole"
              label="本机关在案件中的地位"
              options={AGENCY_ROLES.map((r) => ({ value: r, label: AGENCY_ROLE_LABELS[r] }))}
              value={v.agencyRole ?? 'original'}
              error={e.agencyRole}
              required
            />
            <SelectField
              name="outcome"
              label="审理结果"
              options={APPEAL_OUTCOMES.map((o) => ({ value: o, label: APPEAL_OUTCOME_LABELS[o] }))}
              value={v.outcome ?? 'pending'}
              error={e.outcome}
              required
            />
            <TextField
              name="concludedOn"
              label="审结日期"
              type="date"
              value={v.concludedOn}
              error={e.concludedOn}
              hint="尚未审结的案件不填"
            />
            <TextField name="note" label="备注" value={v.note} error={e.note} maxlength={2000} />
            <button type="submit">登记</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </>
  )
}

async function sendAppealsPage(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: number,
  opts: {
    values?: Values
    errors?: Readonly<Record<string, string>>
    message?: string
    status?: number
  } = {},
) {
  const q = Query.parse(request.query ?? {})
  const page = await listAppeals(db, actorOf(request), {
    agencyId,
    ...(q.year === undefined ? {} : { year: q.year }),
    ...(q.kind === undefined ? {} : { kind: q.kind }),
    limit: 500,
  })
  const token = csrfToken(request, reply)
  const saved = (request.query as Record<string, unknown> | undefined)?.saved !== undefined
  return sendConsolePage(request, reply, {
    title: '行政复议和行政诉讼',
    body: (
      <AppealsBody
        agencyId={agencyId}
        page={page}
        year={q.year}
        token={token}
        values={opts.values ?? {}}
        errors={opts.errors ?? {}}
        message={opts.message}
        saved={saved}
      />
    ),
    status: opts.status ?? 200,
  })
}

async function afterChange(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: number,
  change: () => Promise<unknown>,
) {
  try {
    await change()
  } catch (err) {
    if (!isDomainError(err) || !['invalid_input', 'conflict'].includes(err.code)) throw err
    return sendAppealsPage(db, request, reply, agencyId, {
      values: stringValues((request.body ?? {}) as Body),
      errors: err.fields,
      message: err.message,
      status: err.code === 'invalid_input' ? 422 : 409,
    })
  }
  return reply.redirect(`/admin/appeals/${agencyId}?saved=1`, 303)
}

export function registerAppealAdminRoutes(app: FastifyInstance, db: DB): void {
  app.get('/appeals/:agencyId', { preHandler: requireActor }, async (request, reply) => {
    const params = AgencyParams.safeParse(request.params)
    if (!params.success) return reply.callNotFound()
    return sendAppealsPage(db, request, reply, params.data.agencyId)
  })
  app.post('/appeals/:agencyId', { preHandler: requireActor }, (request, reply) => {
    const params = AgencyParams.safeParse(request.params)
    if (!params.success) return reply.callNotFound()
    const body = (request.body ?? {}) as Body
    const { agencyId } = params.data
    return afterChange(db, request, reply, agencyId, () =>
      recordAppeal(db, actorOf(request), {
        agencyId,
        kind: text(body, 'kind') as AppealKind,
        caseNumber: text(body, 'caseNumber'),
        filedOn: text(body, 'filedOn'),
        applicationId: orNull(text(body, 'applicationId')),
        agencyRole: (orNull(text(body, 'agencyRole')) ?? 'original') as 'original',
        outcome: text(body, 'outcome') as 'pending',
        concludedOn: orNull(text(body, 'concludedOn')),
        note: orNull(text(body, 'note')),
      }),
    )
  })
  app.post('/appeals/:agencyId/:id/outcome', { preHandler: requireActor }, (request, reply) => {
    const params = AppealParams.safeParse(request.params)
    if (!params.success) return reply.callNotFound()
    const body = (request.body ?? {}) as Body
    return afterChange(db, request, reply, params.data.agencyId, () =>
      updateAppealOutcome(db, actorOf(request), {
        appealId: params.data.id,
        outcome: text(body, 'outcome') as 'pending',
        concludedOn: orNull(text(body, 'concludedOn')),
      }),
    )
  })
}
