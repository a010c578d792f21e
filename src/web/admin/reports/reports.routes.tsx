// /admin/reports: the annual report builder of an agency and year, the records behind a cell, saving the
// texts and the hand-entered 表二 figures, publication through the validation gate, and the tables' JSON of a
// published version (public: a published report is public information).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { drillDownCell, saveManualFigures } from '../../../annual-report/compute/index.ts'
import type { CellRecords } from '../../../annual-report/compute/index.ts'
import { FORMATS, SECTION_KEYS } from '../../../annual-report/formats/index.ts'
import type { SectionKey } from '../../../annual-report/formats/index.ts'
import { cellName } from '../../../annual-report/index.ts'
import {
  findVersionJson,
  getReportBuilder,
  publishReport,
  saveReportDraft,
} from '../../../annual-report/publish/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { BuilderPage, type BuilderMessages } from './builder-page.tsx'
import { uploadsDir } from './uploads-dir.ts'

type Body = Readonly<Record<string, unknown>>

const KeyParams = z.object({
  agencyId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
  year: z.coerce.number().int().min(2019).max(2100),
})

/** The date in Beijing (the statutory dates are Beijing dates). */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

function keyOf(request: FastifyRequest): { agencyId: number; year: number } | undefined {
  const parsed = KeyParams.safeParse(request.params)
  return parsed.success ? parsed.data : undefined
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? [v] : []
const text = (body: Body, key: string) => (typeof body[key] === 'string' ? body[key] : '')

export async function sendBuilder(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  key: { agencyId: number; year: number },
  msg: BuilderMessages = {},
  status = 200,
) {
  const view = await getReportBuilder(db, actorOf(request), key, { today: beijingToday() })
  const token = csrfToken(request, reply)
  return sendConsolePage(request, reply, {
    title: `${view.year}年政府信息公开工作年度报告`,
    body: <BuilderPage view={view} token={token} msg={msg} />,
    status,
  })
}

/** Run a change; a refusal re-renders the builder with the message (422/409), anything else is the handler's. */
export async function afterChange(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  key: { agencyId: number; year: number },
  change: () => Promise<void>,
  done: string,
  values: Record<string, string> = {},
) {
  try {
    await change()
  } catch (err) {
    if (!isDomainError(err) || !['invalid_input', 'conflict'].includes(err.code)) throw err
    const status = err.code === 'invalid_input' ? 422 : 409
    return sendBuilder(db, request, reply, key, { message: err.message, errors: err.fields, values }, status)
  }
  return reply.redirect(`/admin/reports/${key.agencyId}/${key.year}?done=${done}`, 303)
}

const DONE: Readonly<Record<string, string>> = {
  sections: '文稿已保存。',
  figures: '填报数据已保存。',
  csv: 'CSV数据已导入。',
  previous: '上一年度报告已导入，跨年度核对已按该报告进行。',
  published: '年度报告已发布到政府信息公开年报栏目。',
}

function recordLink(kind: string, id: number, agencyId: number): string {
  if (kind === 'applications') return `/admin/applications/${id}`
  if (kind === 'catalogue_items') return `/admin/catalogue/items/${id}`
  return `/admin/appeals/${agencyId}#appeal-${id}`
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  applications: '政府信息公开申请',
  catalogue_items: '主动公开信息',
  appeals: '行政复议、行政诉讼案件',
}

function CellPage(props: { records: CellRecords; name: string; back: string; agencyId: number }) {
  const r = props.records
  return (
    <>
      <h1 safe>{props.name}</h1>
      <p>
        <a href={props.back}>返回年度报告</a>
      </p>
      {r.kind === 'manual' ? (
        <dl class="cards">
          <div>
            <dt>手工填报数值</dt>
            <dd safe>{r.value ?? '未填'}</dd>
          </div>
          <div>
            <dt>数据来源</dt>
            <dd safe>{r.source ?? ''}</dd>
          </div>
        </dl>
      ) : (
        <>
          <p safe>{`${KIND_LABELS[r.kind] ?? r.kind}共${r.ids.length}条`}</p>
          <ul class="cell-records">
            {r.ids.map((id) => (
              <li>
                <a href={recordLink(r.kind, id, props.agencyId)} safe>
                  {`${KIND_LABELS[r.kind] ?? ''} ${id}`}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

export function registerReportRoutes(app: FastifyInstance, db: DB): void {
  app.get('/reports', { preHandler: requireActor }, (request, reply) => {
    const actor = actorOf(request)
    const year = Number(beijingToday().slice(0, 4)) - 1
    return reply.redirect(`/admin/reports/${actor.agencyId}/${year}`, 303)
  })
  app.get('/reports/:agencyId/:year', { preHandler: requireActor }, async (request, reply) => {
    const key = keyOf(request)
    if (!key) return reply.callNotFound()
    const done = (request.query as Record<string, unknown>).done
    return sendBuilder(db, request, reply, key, typeof done === 'string' ? { notice: DONE[done] ?? '' } : {})
  })
  app.get('/reports/:agencyId/:year/cells/:cell', { preHandler: requireActor }, async (request, reply) => {
    const key = keyOf(request)
    const cell = (request.params as Record<string, string>).cell ?? ''
    if (!key) return reply.callNotFound()
    const records = await drillDownCell(db, actorOf(request), { ...key, cell })
    const format = FORMATS[key.year <= 2020 ? 'gov2019' : 'gov2021']
    return sendConsolePage(request, reply, {
      title: '统计数据明细',
      body: (
        <CellPage
          records={records}
          name={`${key.year}年度 ${cellName(format, cell)}`}
          back={`/admin/reports/${key.agencyId}/${key.year}`}
          agencyId={key.agencyId}
        />
      ),
    })
  })
  app.post('/reports/:agencyId/:year/sections', { preHandler: requireActor }, (request, reply) => {
    const key = keyOf(request)
    if (!key) return reply.callNotFound()
    const body = (request.body ?? {}) as Body
    const sections: Partial<Record<SectionKey, string>> = {}
    for (const k of SECTION_KEYS) if (typeof body[k] === 'string') sections[k] = body[k]
    return afterChange(
      db,
      request,
      reply,
      key,
      () => saveReportDraft(db, actorOf(request), { ...key, sections }),
      'sections',
    )
  })
  app.post('/reports/:agencyId/:year/figures', { preHandler: requireActor }, (request, reply) => {
    const key = keyOf(request)
    if (!key) return reply.callNotFound()
    const body = (request.body ?? {}) as Body
    const cells = strings(body.cell)
    const values = strings(body.value)
    const sources = strings(body.source)
    const figures = cells.map((cell, i) => ({ cell, value: values[i] ?? '', source: sources[i] ?? '' }))
    const kept: Record<string, string> = {}
    for (const f of figures) {
      kept[`v:${f.cell}`] = f.value
      kept[`s:${f.cell}`] = f.source
    }
    return afterChange(
      db,
      request,
      reply,
      key,
      async () => {
        await saveManualFigures(db, actorOf(request), { ...key, figures })
      },
      'figures',
      kept,
    )
  })
  app.post('/reports/:agencyId/:year/publish', { preHandler: requireActor }, (request, reply) => {
    const key = keyOf(request)
    if (!key) return reply.callNotFound()
    const body = (request.body ?? {}) as Body
    const overrideReason = text(body, 'overrideReason').trim()
    const changeNote = text(body, 'changeNote').trim()
    return afterChange(
      db,
      request,
      reply,
      key,
      async () => {
        await publishReport(
          db,
          actorOf(request),
          {
            ...key,
            ...(overrideReason ? { overrideReason } : {}),
            ...(changeNote ? { changeNote } : {}),
          },
          { uploadsDir: uploadsDir(app) },
        )
      },
      'published',
      { overrideReason, changeNote },
    )
  })
  // Public: the tables of a published version, byte for byte as hashed.
  app.get('/reports/:agencyId/:year/:file', async (request, reply) => {
    const key = keyOf(request)
    const match = /^v([1-9][0-9]{0,5})\.json$/.exec((request.params as Record<string, string>).file ?? '')
    if (!key || !match) return reply.callNotFound()
    const found = await findVersionJson(db, { ...key, version: Number(match[1]) })
    if (!found) return reply.callNotFound()
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('x-content-sha256', found.contentHash)
      .header(
        'content-disposition',
        `attachment; filename="report-${key.agencyId}-${key.year}-v${match[1]}.json"`,
      )
      .send(found.json)
  })
}
