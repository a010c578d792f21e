// /admin/audit: the audit log, read-only, filtered by agency, actor, action and date range, paged.
// What each user may read is the accounts policy's (audit.view); entries are never editable here.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  agencyTarget,
  can,
  listAgenciesFlat,
  listAuditLog,
  type AuditEntry,
} from '../../../accounts/index.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { Pagination } from '../../shared/pagination.tsx'
import { SelectField, TextField } from '../../shared/form-fields.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { ACTION_LABELS, actionLabel } from './action-labels.ts'
import { auditTargetLabel } from './audit-target.ts'

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v)
const AuditQuery = z.object({
  agencyId: z.preprocess(blankToUndefined, z.string().regex(/^\d+$/).optional()).catch(undefined),
  actor: z.preprocess(blankToUndefined, z.string().regex(/^\d+$/).optional()).catch(undefined),
  action: z.preprocess(blankToUndefined, z.string().max(64).optional()).catch(undefined),
  from: z.preprocess(blankToUndefined, z.string().max(32).optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, z.string().max(32).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** UTC instant → 北京时间 `YYYY-MM-DD HH:mm:ss` (the users' clock; China has no daylight saving). */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

function AuditTable({
  entries,
  agencyNames,
}: {
  entries: readonly AuditEntry[]
  agencyNames: ReadonlyMap<number, string>
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption>审计日志（时间为北京时间）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">机构</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td safe>{beijingTime(e.occurredAt)}</td>
              <td safe>{e.actorUsername ?? '（匿名）'}</td>
              <td safe>{e.agencyId === null ? '' : (agencyNames.get(e.agencyId) ?? `#${e.agencyId}`)}</td>
              <td safe>{actionLabel(e.action)}</td>
              <td safe>{auditTargetLabel(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function registerAuditRoutes(app: FastifyInstance, db: DB): void {
  app.get('/audit', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    if (!can(actor, 'audit.view', agencyTarget({ id: actor.agencyId, path: actor.agencyPath }))) {
      throw new DomainError('forbidden', '您没有查看审计日志的权限')
    }
    const q = AuditQuery.parse(request.query)
    const agencies = (await listAgenciesFlat(db, actor)).filter((a) =>
      can(actor, 'audit.view', agencyTarget(a)),
    )
    let message: string | undefined
    let result
    try {
      result = await listAuditLog(db, actor, {
        agencyId: q.agencyId,
        actorId: q.actor,
        action: q.action,
        from: q.from,
        to: q.to,
        page: q.page,
      })
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'invalid_input') throw err
      message = Object.values(err.fields)[0] ?? err.message
      result = { items: [], total: 0, page: 1, pageSize: 50 }
    }
    const body = (
      <>
        <h1>审计日志</h1>
        <form
          method="get"
          action="/admin/audit"
          class="filters panel"
          role="search"
          aria-label="筛选审计日志"
        >
          <SelectField
            name="agencyId"
            label="机构（含下级）"
            options={[
              { value: '', label: '全部' },
              ...agencies.map((a) => ({ value: String(a.id), label: a.name })),
            ]}
            value={q.agencyId ?? ''}
          />
          <TextField name="actor" label="操作人用户编号" value={q.actor} />
          <SelectField
            name="action"
            label="操作"
            options={[
              { value: '', label: '全部' },
              ...Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
            ]}
            value={q.action ?? ''}
          />
          <TextField name="from" label="起始日期" type="date" value={q.from} />
          <TextField name="to" label="截止日期" type="date" value={q.to} />
          <div>
            <button type="submit">筛选</button>
          </div>
        </form>
        {message === undefined ? (
          ''
        ) : (
          <p class="alert" role="alert" safe>
            {message}
          </p>
        )}
        <AuditTable entries={result.items} agencyNames={new Map(agencies.map((a) => [a.id, a.name]))} />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          baseUrl={request.url}
        />
      </>
    )
    return sendConsolePage(request, reply, { title: '审计日志', body })
  })
}
