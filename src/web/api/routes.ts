// The JSON API (/api/v1): the console's operations for programs, answering `{ data, abilities }`
// (Outline's `{ data, policies }`), errors as `{ error: { code, message, fields } }`.
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../storage/index.ts'
import { loadActor } from '../shared/session.ts'
import { registerAgencyApi } from './agencies.routes.ts'
import { registerAuditApi } from './audit.routes.ts'
import { registerCatalogueApi } from './catalogue.routes.ts'
import { OPENAPI_DOCUMENT } from './openapi.ts'
import { registerSessionApi } from './session.routes.ts'
import { registerUserApi } from './users.routes.ts'

export function registerApiRoutes(app: FastifyInstance, db: DB): void {
  app.addHook('onRequest', loadActor(db))
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    done(null, payload)
  })
  app.get('/openapi.json', (_request, reply) => reply.send(OPENAPI_DOCUMENT))
  registerSessionApi(app, db)
  registerAgencyApi(app, db)
  registerUserApi(app, db)
  registerAuditApi(app, db)
  registerCatalogueApi(app, db)
}
