// The console's 依申请公开 pages (/admin/applications/…): the work queue and its export, staff entry, and the
// case page with its steps, assignment and letters.
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../../storage/index.ts'
import { registerCaseRoutes } from './case.routes.tsx'
import { registerIntakeRoutes } from './intake.routes.tsx'
import { registerQueueRoutes } from './queue.routes.tsx'

export function registerApplicationAdminRoutes(app: FastifyInstance, db: DB): void {
  registerQueueRoutes(app, db)
  registerIntakeRoutes(app, db)
  registerCaseRoutes(app, db)
}
