// /admin/reports/aggregate/:agencyId/:year: a supervising office's one-page overview of its subtree's reports
// for a year — how many published, the agencies not yet published or failing rules, and the summed tables.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { getAggregationOverview } from '../../../annual-report/publish/index.ts'
import type { AggregationOverview } from '../../../annual-report/publish/index.ts'
import type { DB } from '../../../storage/index.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { ReportTables } from './report-tables.tsx'

const KeyParams = z.object({
  agencyId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
  year: z.coerce.number().int().min(2019).max(2100),
})

function Overview({ o, year }: { o: AggregationOverview; year: number }) {
  const a = o.aggregate
  const pending = o.agencies.filter(
    (r) => r.publishedVersion === null || r.publishedOverErrors || r.errorCount > 0 || r.missingFigures > 0,
  )
  const c = (addr: string) => a.report.cells[addr] ?? 0
  return (
    <>
      <h1 safe>{`${year}年度政府信息公开工作年度报告汇总`}</h1>
      <dl class="cards">
        <div>
          <dt>下级机构</dt>
          <dd safe>{`${a.agencyCount}个`}</dd>
        </div>
        <div>
          <dt>已发布年度报告</dt>
          <dd safe>{`${o.publishedCount}个`}</dd>
        </div>
        <div>
          <dt>校验有错误</dt>
          <dd safe>{`${a.withErrors.length}个`}</dd>
        </div>
        <div>
          <dt>本年新收申请</dt>
          <dd safe>{`${c('t3.new_received.total')}件`}</dd>
        </div>
        <div>
          <dt>办结申请</dt>
          <dd safe>{`${c('t3.results_total.total')}件`}</dd>
        </div>
        <div>
          <dt>行政复议 / 行政诉讼</dt>
          <dd
            safe
          >{`${c('t4.count.review_total')}件 / ${c('t4.count.litigation_direct_total') + c('t4.count.litigation_after_review_total')}件`}</dd>
        </div>
      </dl>
      <section class="panel" aria-labelledby="pending-h">
        <h2 id="pending-h">尚未发布或校验未通过的机构</h2>
        {pending.length === 0 ? (
          <p class="notice">全部下级机构均已发布且校验通过。</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">机构</th>
                  <th scope="col">发布情况</th>
                  <th scope="col">错误</th>
                  <th scope="col">未填报的表二项目</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/reports/${r.agencyId}/${year}`} safe>
                        {r.name}
                      </a>
                    </th>
                    <td safe>
                      {r.publishedVersion === null
                        ? '未发布'
                        : `已发布第${r.publishedVersion}版${r.publishedOverErrors ? '（存在错误时经机构管理员说明理由发布）' : ''}`}
                    </td>
                    <td safe>{String(r.errorCount)}</td>
                    <td safe>{String(r.missingFigures)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="panel" aria-labelledby="sum-h">
        <h2 id="sum-h">汇总统计表</h2>
        {a.findings
          .filter((f) => f.severity === 'error')
          .map((f) => (
            <p class="alert" safe>
              {`${f.rule} ${f.message}`}
            </p>
          ))}
        <ReportTables report={a.report} />
      </section>
    </>
  )
}

export function registerAggregateRoutes(app: FastifyInstance, db: DB): void {
  app.get('/reports/aggregate/:agencyId/:year', { preHandler: requireActor }, async (request, reply) => {
    const parsed = KeyParams.safeParse(request.params)
    if (!parsed.success) return reply.callNotFound()
    const o = await getAggregationOverview(db, actorOf(request), parsed.data)
    return sendConsolePage(request, reply, {
      title: '年度报告汇总',
      body: <Overview o={o} year={parsed.data.year} />,
    })
  })
}
