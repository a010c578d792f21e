// `GET /healthz`: 200 when the process serves and the database answers, 503 otherwise (for load balancers and
// container probes). No authentication and no details beyond ok/failed.
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../storage/index.ts'

export function registerHealthRoute(app: FastifyInstance, db: DB): void {
  // Compiled once: each probe only runs it (the database is still asked every time).
  const probe = sql`select 1`.compile(db)
  app.get('/healthz', async (request, reply) => {
    try {
      await db.executeQuery(probe)
      return await reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' })
    } catch (err) {
      request.log.error({ err }, 'health check: database unreachable')
      return await reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'error', database: 'failed' })
    }
  })
}
