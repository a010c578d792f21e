// placeholder replaced below
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../storage/index.ts'

export function registerApiRoutes(_app: FastifyInstance, _db: DB): void {}
