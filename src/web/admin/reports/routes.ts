// The console's annual report pages (/admin/reports/…): builder, drill-down, publication, uploads (multipart in
// a scope of its own) and the supervising office's aggregation.
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../../storage/index.ts'
import { registerAggregateRoutes } from './aggregate.routes.tsx'
import { registerReportUploadRoutes } from './report-uploads.routes.tsx'
import { registerReportRoutes } from './reports.routes.tsx'

export function registerReportAdminRoutes(app: FastifyInstance, db: DB): void {
  registerReportRoutes(app, db)
  registerAggregateRoutes(app, db)
  void app.register(async (uploads) => registerReportUploadRoutes(uploads, db))
}
