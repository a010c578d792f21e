// /api/v1/audit-log: read-only, filtered and paged as in the console.
import type { FastifyInstance } from 'fastify'
import { listAuditLog, type ListAuditLogInput } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { apiActor, requireApiActor } from './api-context.ts'

export function registerAuditApi(app: FastifyInstance, db: DB): void {
  app.get('/audit-log', { preHandler: requireApiActor }, async (request) => {
    // The operation validates the filters with ListAuditLogSchema.
    const page = await listAuditLog(db, apiActor(request), request.query as ListAuditLogInput)
    return {
      data: page.items,
      meta: { total: page.total, page: page.page, pageSize: page.pageSize },
      abilities: {},
    }
  })
}
