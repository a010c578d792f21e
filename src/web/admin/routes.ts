// The admin console (/admin): resolves the session for every console request, then the page areas.
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../storage/index.ts'
import { loadActor } from '../shared/session.ts'
import { registerAgencyRoutes } from './agencies/agencies.routes.tsx'
import { registerApplicationAdminRoutes } from './applications/routes.ts'
import { registerAppealAdminRoutes } from './appeals/appeals.routes.tsx'
import { registerReportAdminRoutes } from './reports/routes.ts'
import { registerAuditRoutes } from './audit/audit.routes.tsx'
import { registerCalendarAdminRoutes } from './calendar/calendar.routes.tsx'
import { registerCatalogueAdminRoutes } from './catalogue/routes.ts'
import { registerLoginRoutes } from './auth/login.routes.tsx'
import { registerPasswordRoutes } from './auth/password.routes.tsx'
import { registerDashboardRoutes } from './dashboard/dashboard.routes.tsx'
import { registerUserRoutes } from './users/users.routes.tsx'
import { registerSupervisionRoutes } from './supervision/kaohe.routes.tsx'

export function registerAdminRoutes(app: FastifyInstance, db: DB): void {
  app.addHook('onRequest', loadActor(db))
  registerLoginRoutes(app, db)
  registerPasswordRoutes(app, db)
  registerDashboardRoutes(app, db)
  registerAgencyRoutes(app, db)
  registerUserRoutes(app, db)
  registerAuditRoutes(app, db)
  registerCatalogueAdminRoutes(app, db)
  registerCalendarAdminRoutes(app, db)
  registerApplicationAdminRoutes(app, db)
  registerAppealAdminRoutes(app, db)
  registerReportAdminRoutes(app, db)
  registerSupervisionRoutes(app, db)
}
