// /admin/supervision: a supervising office's 考核 overview of its subordinate agencies for a year, sortable by
// any column (plain links, no script) and downloadable as CSV or XLSX.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { DB } from '../../../storage/index.ts'
import {
  getKaoheOverview,
  KAOHE_COLUMNS,
  KAOHE_SORT_KEYS,
  kaoheCsv,
  kaoheXlsx,
  sortKaohe,
} from '../../../supervision/index.ts'
import type { KaoheOverview, KaoheRow, SortDirection } from '../../../supervision/index.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'

const KeyParams = z.object({
  agencyId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
  year: z.coerce.number().int().min(2008).max(2100),
})

const SortQuery = z.object({
  sort: z.enum(KAOHE_SORT_KEYS as [string, ...string[]]).catch('agency'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
})

function previousYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear() - 1
}

function title(o: KaoheOverview): string {
  return `${o.officeName}${o.year}年度政府信息公开工作考核情况`
}

function SortLink({
  base,
  column,
  sort,
  dir,
}: {
  base: string
  column: string
  sort: string
  dir: SortDirection
}) {
  const label = KAOHE_COLUMNS.find((c) => c.key === column)?.label ?? column
  const active = column === sort
  const next: SortDirection = active && dir === 'asc' ? 'desc' : 'asc'
  const mark = active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''
  return (
    <a href={`${base}?sort=${column}&dir=${next}`} safe>
      {`${label}${mark}`}
    </a>
  )
}

function KaoheTable({
  o,
  rows,
  sort,
  dir,
}: {
  o: KaoheOverview
  rows: readonly KaoheRow[]
  sort: string
  dir: SortDirection
}) {
  const base = `/admin/supervision/${o.officeId}/${o.year}`
  const ariaSort = (key: string) => (key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined)
  return (
    <div class="table-wrap">
      <table>
        <caption safe>{`${title(o)}（当前逾期按${o.today}统计）`}</caption>
        <thead>
          <tr>
            {KAOHE_COLUMNS.map((c) => (
              <th scope="col" aria-sort={ariaSort(c.key)}>
                <SortLink base={base} column={c.key} sort={sort} dir={dir} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {KAOHE_COLUMNS.map((c, i) =>
                i === 0 ? (
                  <th scope="row" safe>
                    {c.text(r)}
                  </th>
                ) : c.key === 'report' && r.reportPublishedOn !== null ? (
                  <td>
                    <a href={`/zfxxgk/${r.agencyId}/tujie/${o.year}.html`} safe>
                      {c.text(r)}
                    </a>
                  </td>
                ) : (
                  <td safe>{c.text(r)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function KaohePage({ o, sort, dir }: { o: KaoheOverview; sort: string; dir: SortDirection }) {
  const rows = sortKaohe(o.rows, sort, dir)
  const base = `/admin/supervision/${o.officeId}/${o.year}`
  return (
    <>
      <h1 safe>{title(o)}</h1>
      <form method="get" action="/admin/supervision" class="filters">
        <input type="hidden" name="agencyId" value={String(o.officeId)} />
        <label for="kaohe-year">年度</label>
        <input id="kaohe-year" name="year" type="number" min="2008" max="2100" value={String(o.year)} />
        <button type="submit">查看</button>
      </form>
      <p>
        <a href={`${base}/kaohe.csv?sort=${sort}&dir=${dir}`}>导出CSV</a>
        {' · '}
        <a href={`${base}/kaohe.xlsx?sort=${sort}&dir=${dir}`}>导出Excel（XLSX）</a>
      </p>
      <p class="hint">
        20个工作日内公开率以有形成日期的信息为基数；按期答复率以本年度答复的申请为基数；复议、诉讼按本年度审结计；年度报告按首次发布日期与法定期限（条例第四十九条）比较。
      </p>
      {o.rows.length === 0 ? (
        <p class="notice">该机构没有下级机构。</p>
      ) : (
        <KaoheTable o={o} rows={rows} sort={sort} dir={dir} />
      )}
    </>
  )
}

function contentDisposition(filename: string): string {
  return `attachment; filename="kaohe.${filename.split('.').pop() ?? 'bin'}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

function sendDownload(reply: FastifyReply, type: string, filename: string, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'no-store')
    .send(body)
}

export function registerSupervisionRoutes(app: FastifyInstance, db: DB): void {
  // The entry: the actor's own office, last year unless a year is given (the year form posts here by GET).
  app.get('/supervision', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const q = request.query as Record<string, string | undefined>
    const parsed = KeyParams.safeParse({
      agencyId: q.agencyId ?? actor.agencyId,
      year: q.year ?? previousYear(),
    })
    if (!parsed.success) return reply.code(400).send('年份或机构编号无效')
    return reply.redirect(`/admin/supervision/${parsed.data.agencyId}/${parsed.data.year}`, 303)
  })

  app.get('/supervision/:agencyId/:year', { preHandler: requireActor }, async (request, reply) => {
    const parsed = KeyParams.safeParse(request.params)
    if (!parsed.success) return reply.callNotFound()
    const { sort, dir } = SortQuery.parse(request.query ?? {})
    const o = await getKaoheOverview(db, actorOf(request), parsed.data)
    return sendConsolePage(request, reply, {
      title: '考核情况',
      body: <KaohePage o={o} sort={sort} dir={dir} />,
    })
  })

  app.get('/supervision/:agencyId/:year/:file', { preHandler: requireActor }, async (request, reply) => {
    const parsed = KeyParams.safeParse(request.params)
    const file = (request.params as Record<string, string | undefined>).file
    if (!parsed.success || (file !== 'kaohe.csv' && file !== 'kaohe.xlsx')) return reply.callNotFound()
    const { sort, dir } = SortQuery.parse(request.query ?? {})
    const o = await getKaoheOverview(db, actorOf(request), parsed.data)
    const rows = sortKaohe(o.rows, sort, dir)
    const name = `${o.officeName}${o.year}年度考核情况`
    if (file === 'kaohe.csv') {
      return sendDownload(reply, 'text/csv; charset=utf-8', `${name}.csv`, kaoheCsv(title(o), rows))
    }
    const bytes = kaoheXlsx(title(o), `${o.year}年度考核`, rows)
    return sendDownload(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `${name}.xlsx`,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    )
  })
}
