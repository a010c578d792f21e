// /zfxxgk/:agencyId/tujie/<year>.html|svg|png: the 图解 of an agency's published annual report — a page in the
// 年报 column with the image, a data table carrying the same figures (the text alternative) and the downloads;
// the SVG itself; and a PNG rendered from it (2× for print). Only published reports are shown.
import type { FastifyInstance } from 'fastify'
import { COLUMN_KIND_LABELS } from '../../catalogue/column.ts'
import {
  describeInfographic,
  formatCount,
  formatPercent,
  getInfographic,
  infographicTitle,
  INFOGRAPHIC_HEIGHT,
  INFOGRAPHIC_WIDTH,
  rasteriseSvg,
  renderInfographicSvg,
} from '../../annual-report/infographic/index.ts'
import type { InfographicData } from '../../annual-report/infographic/index.ts'
import type { DB } from '../../storage/index.ts'
import { PortalLayout } from '../shared/portal-layout.tsx'
import { agencyHref, agencySite, chinaDateTime, columnHref, parseId } from './portal-context.ts'
import type { PortalContext } from './portal-context.ts'
import { loadAgencyColumns, notFound } from './portal-loaders.ts'
import { servePortalPage } from './portal-response.ts'
import type { Rendered } from './portal-response.ts'

const FILE = /^(\d{4})\.(html|svg|png)$/

export function infographicHref(
  agencyId: number,
  year: number,
  ext: 'html' | 'svg' | 'png' = 'html',
): string {
  return `/zfxxgk/${agencyId}/tujie/${year}.${ext}`
}

function DataTable({ d }: { d: InfographicData }) {
  const totalOutcomes = d.outcomes.reduce((s, o) => s + o.value, 0)
  const rows: [string, string][] = [
    ['本年制发规章', `${formatCount(d.rulesIssued)}件`],
    ['本年制发行政规范性文件', `${formatCount(d.normativeIssued)}件`],
    ['现行有效规章和行政规范性文件', `${formatCount(d.currentlyValid)}件`],
    ['本年新收政府信息公开申请', `${formatCount(d.received)}件`],
    ['上年结转政府信息公开申请', `${formatCount(d.carriedOver)}件`],
    ['本年度办理结果总计', `${formatCount(d.concluded)}件`],
    ['结转下年度继续办理', `${formatCount(d.carriedForward)}件`],
    ...d.outcomes.map((o): [string, string] => [
      `办理结果：${o.label}`,
      `${formatCount(o.value)}件（${formatPercent(o.value, totalOutcomes)}）`,
    ]),
    ['行政复议', `${formatCount(d.review.total)}件，其中结果纠正${formatCount(d.review.corrected)}件`],
    [
      '行政诉讼',
      `${formatCount(d.litigation.total)}件，其中结果纠正${formatCount(d.litigation.corrected)}件`,
    ],
  ]
  return (
    <>
      <table class="item-table">
        <caption safe>{`${d.year}年主要数据`}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              <td safe>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="item-table">
        <caption>历年申请数量和办理结果</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">本年新收申请</th>
            <th scope="col">办结申请</th>
            <th scope="col">予以公开及部分公开</th>
          </tr>
        </thead>
        <tbody>
          {d.trend.map((p) => (
            <tr>
              <th scope="row" safe>{`${p.year}年`}</th>
              <td safe>{formatCount(p.received)}</td>
              <td safe>{formatCount(p.concluded)}</td>
              <td safe>{formatCount(p.disclosed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

async function renderInfographicPage(ctx: PortalContext, agencyId: number, year: number): Promise<Rendered> {
  const [{ agency, columns }, info] = await Promise.all([
    loadAgencyColumns(ctx.db, agencyId),
    getInfographic(ctx.db, { agencyId, year }),
  ])
  const column = columns.find((c) => c.kind === 'annual_report')
  const columnName = column?.name ?? COLUMN_KIND_LABELS.annual_report
  const title = infographicTitle(info.data)
  const body = await (
    <PortalLayout
      title={title}
      site={agencySite(agency, ctx.host)}
      columnName={columnName}
      columnType={COLUMN_KIND_LABELS.annual_report}
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={[
        { label: '首页', href: '/' },
        { label: agency.name, href: agencyHref(agencyId) },
        column === undefined
          ? { label: columnName }
          : { label: columnName, href: columnHref(agencyId, column.slug) },
        { label: `${year}年图解` },
      ]}
    >
      <h1 safe>{title}</h1>
      <p safe>{`依据${year}年度报告第${info.version}版（发布于${chinaDateTime(info.publishedAt)}）`}</p>
      <figure>
        <img
          src={infographicHref(agencyId, year, 'svg')}
          width={String(INFOGRAPHIC_WIDTH)}
          height={String(INFOGRAPHIC_HEIGHT)}
          style="max-width: 100%; height: auto"
          alt={title}
          aria-describedby="tujie-summary"
        />
        <figcaption id="tujie-summary" safe>
          {describeInfographic(info.data)}
        </figcaption>
      </figure>
      <p>
        <a href={infographicHref(agencyId, year, 'png')} download={`tujie-${year}.png`}>
          下载图解（PNG图片）
        </a>
        {' · '}
        <a href={infographicHref(agencyId, year, 'svg')}>查看矢量图（SVG）</a>
      </p>
      <DataTable d={info.data} />
    </PortalLayout>
  )
  return { body }
}

export function registerInfographicRoutes(app: FastifyInstance, db: DB): void {
  app.get('/zfxxgk/:agencyId/tujie/:file', async (request, reply) => {
    const params = request.params as Record<string, string | undefined>
    const agencyId = parseId(params.agencyId)
    const match = FILE.exec(params.file ?? '')
    if (agencyId === undefined || match === null) throw notFound()
    const year = Number(match[1])
    const ext = match[2]
    if (ext === 'html') {
      return servePortalPage(db, request, reply, agencyId, (ctx) =>
        renderInfographicPage(ctx, agencyId, year),
      )
    }
    if (ext === 'svg') {
      return servePortalPage(db, request, reply, agencyId, async (ctx) => ({
        contentType: 'image/svg+xml; charset=utf-8',
        body: renderInfographicSvg((await getInfographic(ctx.db, { agencyId, year })).data),
      }))
    }
    const info = await getInfographic(db, { agencyId, year })
    const png = await rasteriseSvg(renderInfographicSvg(info.data), 2)
    const name = `${infographicTitle(info.data)}.png`
    return reply
      .header('content-type', 'image/png')
      .header(
        'content-disposition',
        `attachment; filename="tujie-${year}.png"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .header('cache-control', 'no-cache')
      .send(png)
  })
}
