// The console's catalogue pages (/admin/catalogue/…): columns, item lists, the draft form, the workflow steps
// and attachment uploads (multipart is registered in a scope of its own, so only the upload route accepts it).
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../../storage/index.ts'
import { registerAttachmentRoutes } from './attachments.routes.ts'
import { registerColumnRoutes } from './columns.routes.tsx'
import { registerItemEditRoutes } from './item-edit.routes.tsx'
import { registerItemListRoutes } from './item-lists.routes.tsx'
import { registerItemWorkflowRoutes } from './item-workflow.routes.tsx'

export function registerCatalogueAdminRoutes(app: FastifyInstance, db: DB): void {
  registerColumnRoutes(app, db)
  registerItemListRoutes(app, db)
  registerItemEditRoutes(app, db)
  registerItemWorkflowRoutes(app, db)
  void app.register(async (uploads) => registerAttachmentRoutes(uploads, db))
}
