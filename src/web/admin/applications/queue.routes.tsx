// /admin/applications: the work queue (views, 我的, search, pages of 50) and its CSV export. Both are scoped by
// the applications policy inside the operations (a 监督员 sees its subtree, read-only).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { canApplication, exportWorkQueue, listWorkQueue } from './applications-surface.ts'
import { QUEUE_VIEWS, QueuePage, type QueueFilters } from './queue-page.tsx'

const PAGE_SIZE = 50
const MAX_PAGE = 2000

const QueueQuery = z.object({
  view: z
    .enum(QUEUE_VIEWS.map(([v]) => v) as [QueueFilters['view'], ...QueueFilters['view'][]])
    .default('open'),
  officer: z.literal('mine').optional(),
  search: z.string().trim().max(100).default(''),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
})

function filtersOf(request: FastifyRequest): QueueFilters {
  const parsed = QueueQuery.safeParse(request.query)
  if (!parsed.success) {
    throw new DomainError('invalid_input', '查询条件有误（视图、搜索词不超过100个字符、页码）')
  }
  const q = parsed.data
  return { view: q.view, mine: q.officer === 'mine', search: q.search, page: q.page }
}

function listInput(f: QueueFilters) {
  return {
    view: f.view,
    ...(f.mine ? { officer: 'mine' as const } : {}),
    ...(f.search === '' ? {} : { search: f.search }),
  }
}

export function registerQueueRoutes(app: FastifyInstance, db: DB): void {
  app.get('/applications', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const filters = filtersOf(request)
    const own = { agencyId: actor.agencyId, agencyPath: actor.agencyPath }
    if (!canApplication(actor, 'application.view', own)) {
      throw new DomainError('forbidden', '您没有查看依申请公开案件的权限')
    }
    const result = await listWorkQueue(db, actor, {
      ...listInput(filters),
      limit: PAGE_SIZE,
      offset: (filters.page - 1) * PAGE_SIZE,
    })
    const mayRegister = canApplication(actor, 'application.handle', own)
    const body = (
      <QueuePage result={result} filters={filters} mayRegister={mayRegister} readOnly={!mayRegister} />
    )
    return sendConsolePage(request, reply, { title: '依申请公开办理', body })
  })

  app.get('/applications/export.csv', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    if (
      !canApplication(actor, 'application.view', { agencyId: actor.agencyId, agencyPath: actor.agencyPath })
    ) {
      throw new DomainError('forbidden', '您没有导出依申请公开案件的权限')
    }
    const { csv } = await exportWorkQueue(db, actor, listInput(filtersOf(request)))
    const name = `依申请公开办理-${new Date().toISOString().slice(0, 10)}.csv`
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="applications.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .header('cache-control', 'no-store')
      .send(csv)
  })
}
