// /admin/calendar: 平台管理员 sees which years' holiday schedules are known (from the chinese-days data or
// declared here) and corrects the working-day calendar: add or remove a day's override (放假, 调休上班,
// 恢复正常), declare a year's complete schedule entered, or withdraw a declaration. Every deadline (the
// catalogue's 20 working days, the applications clock) is computed on this calendar from the next request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  addCalendarOverride,
  declareCalendarYear,
  getCalendarAdminView,
  OVERRIDE_KIND_LABELS,
  OVERRIDE_KINDS,
  refreshCalendar,
  removeCalendarOverride,
  withdrawCalendarYear,
  type CalendarAdminView,
} from '../../../calendar/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'

/** How often a server re-reads the overrides (another process may have changed them). */
export const CALENDAR_REFRESH_MS = 60_000

type Body = Readonly<Record<string, unknown>>
type Values = Readonly<Record<string, string>>

const text = (body: Body, key: string) => (typeof body[key] === 'string' ? body[key] : '')

function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** Contiguous runs of years, `2004—2026`, for a compact list. */
function yearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b)
  const runs: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}—${sorted[j]}`)
    i = j + 1
  }
  return runs.join('、')
}

function KnownYears({ view, token }: { view: CalendarAdminView; token: string }) {
  return (
    <section class="panel">
      <h2>已知法定节假日安排的年度</h2>
      <p safe>{`日历数据（chinese-days）：${yearRanges(view.packageYears)}年`}</p>
      {view.declaredYears.length === 0 ? (
        <p class="muted">管理员声明的年度：无</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>管理员声明全年安排已录入的年度</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">依据</th>
                <th scope="col">声明人</th>
                <th scope="col">时间（北京时间）</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {view.declaredYears.map((y) => (
                <tr>
                  <td safe>{`${y.year}年`}</td>
                  <td safe>{y.note}</td>
                  <td safe>{y.declaredByName ?? ''}</td>
                  <td safe>{beijingTime(y.declaredAt)}</td>
                  <td>
                    <form method="post" action="/admin/calendar/years/withdraw">
                      <CsrfField token={token} />
                      <input type="hidden" name="year" value={String(y.year)} />
                      <button type="submit" class="secondary">
                        撤销声明
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">其他年度的安排未知：涉及这些年度的期限显示为“无法计算”，不会按普通周末推算。</p>
    </section>
  )
}

function OverrideTable({ view, token }: { view: CalendarAdminView; token: string }) {
  if (view.overrides.length === 0) return <p class="muted">尚无调整记录。</p>
  return (
    <div class="table-wrap">
      <table>
        <caption>日期调整</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">调整为</th>
            <th scope="col">说明</th>
            <th scope="col">录入人</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {view.overrides.map((o) => (
            <tr>
              <td safe>{o.date}</td>
              <td safe>{OVERRIDE_KIND_LABELS[o.kind] ?? o.kind}</td>
              <td safe>{o.note}</td>
              <td safe>{`${o.createdByName ?? ''} ${beijingTime(o.createdAt)}`}</td>
              <td>{o.inEffect ? '生效' : '该年度安排未声明，暂不生效'}</td>
              <td>
                <form method="post" action="/admin/calendar/overrides/remove">
                  <CsrfField token={token} />
                  <input type="hidden" name="date" value={o.date} />
                  <button type="submit" class="secondary">
                    删除
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

async function sendCalendarPage(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    saved?: boolean
    values?: Values
    errors?: Readonly<Record<string, string>>
    message?: string
    status?: number
  } = {},
) {
  const view = await getCalendarAdminView(db, actorOf(request))
  const token = csrfToken(request, reply)
  const v = page.values ?? {}
  const e = page.errors ?? {}
  const body = (
    <>
      <h1>工作日日历</h1>
      {page.saved ? (
        <p class="notice" role="status">
          日历已更新，新的期限计算即时生效。
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
      <KnownYears view={view} token={token} />
      <section class="panel">
        <h2>日期调整</h2>
        <OverrideTable view={view} token={token} />
        <form method="post" action="/admin/calendar/overrides" class="stacked">
          <h3>新增调整</h3>
          <CsrfField token={token} />
          <TextField name="date" label="日期" type="date" value={v.date} error={e.date} required />
          <SelectField
            name="kind"
            label="调整为"
            options={OVERRIDE_KINDS.map((k) => ({ value: k, label: OVERRIDE_KIND_LABELS[k] }))}
            value={v.kind}
            error={e.kind}
            required
          />
          <TextField
            name="note"
            label="说明"
            value={v.note}
            error={e.note}
            required
            maxlength={200}
            hint="例如节日名称和依据的通知文号（春节，国办发明电〔2026〕1号）"
          />
          <button type="submit">保存调整</button>
        </form>
      </section>
      <section class="panel">
        <h2>声明年度安排</h2>
        <p class="hint">
          国务院办公厅发布某年度节假日安排而日历数据尚未更新时：先逐日录入该年度的放假和调休上班日期，再声明该年度全年安排已录入。声明前，该年度的期限一律显示为无法计算。
        </p>
        <form method="post" action="/admin/calendar/years" class="stacked">
          <CsrfField token={token} />
          <TextField name="year" label="年度" value={v.year} error={e.year} required maxlength={4} />
          <TextField
            name="yearNote"
            label="依据"
            value={v.yearNote}
            error={e.note}
            required
            maxlength={200}
            hint="通知名称或文号"
          />
          <button type="submit">声明全年安排已录入</button>
        </form>
      </section>
    </>
  )
  return sendConsolePage(request, reply, { title: '工作日日历', body, status: page.status ?? 200 })
}

function stringValues(body: Body): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, value] of Object.entries(body)) if (typeof value === 'string') out[k] = value
  return out
}

/** A refusal shown on the page (422/409/404 with the message), anything else is the error handler's. */
async function afterChange(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  change: () => Promise<void>,
) {
  const body = (request.body ?? {}) as Body
  try {
    await change()
  } catch (err) {
    if (!isDomainError(err) || !['invalid_input', 'conflict', 'not_found'].includes(err.code)) throw err
    const status = err.code === 'invalid_input' ? 422 : err.code === 'conflict' ? 409 : 404
    return sendCalendarPage(db, request, reply, {
      values: stringValues(body),
      errors: err.fields,
      message: err.message,
      status,
    })
  }
  return reply.redirect('/admin/calendar?saved=1', 303)
}

/** Keep this process's calendar in step with the database: at start and every CALENDAR_REFRESH_MS. */
function keepCalendarFresh(app: FastifyInstance, db: DB): void {
  const refresh = () =>
    refreshCalendar(db).catch((err: unknown) => app.log.error({ err }, 'calendar refresh failed'))
  app.addHook('onReady', async () => {
    await refresh()
  })
  const timer = setInterval(() => void refresh(), CALENDAR_REFRESH_MS)
  timer.unref()
  app.addHook('onClose', (_instance, done) => {
    clearInterval(timer)
    done()
  })
}

export function registerCalendarAdminRoutes(app: FastifyInstance, db: DB): void {
  keepCalendarFresh(app, db)
  app.get('/calendar', { preHandler: requireActor }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved !== undefined
    return sendCalendarPage(db, request, reply, { saved })
  })
  app.post('/calendar/overrides', { preHandler: requireActor }, (request, reply) => {
    const body = (request.body ?? {}) as Body
    return afterChange(db, request, reply, () =>
      addCalendarOverride(db, actorOf(request), {
        date: text(body, 'date'),
        kind: text(body, 'kind') as (typeof OVERRIDE_KINDS)[number],
        note: text(body, 'note'),
      }),
    )
  })
  app.post('/calendar/overrides/remove', { preHandler: requireActor }, (request, reply) => {
    const body = (request.body ?? {}) as Body
    return afterChange(db, request, reply, () =>
      removeCalendarOverride(db, actorOf(request), { date: text(body, 'date') }),
    )
  })
  app.post('/calendar/years', { preHandler: requireActor }, (request, reply) => {
    const body = (request.body ?? {}) as Body
    return afterChange(db, request, reply, () =>
      declareCalendarYear(db, actorOf(request), { year: text(body, 'year'), note: text(body, 'yearNote') }),
    )
  })
  app.post('/calendar/years/withdraw', { preHandler: requireActor }, (request, reply) => {
    const body = (request.body ?? {}) as Body
    return afterChange(db, request, reply, () =>
      withdrawCalendarYear(db, actorOf(request), { year: text(body, 'year') }),
    )
  })
}
