// Assembles the web server: plugins, shared hooks, then the portal, console and API routes. Routes stay thin
// (parse, call an accounts operation, render); everything they share lives in shared/.
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import {
  createServer,
  type IncomingMessage,
  type ServerOptions as HttpServerOptions,
  type ServerResponse,
} from 'node:http'
import type { Config } from '../config.ts'
import type { DB } from '../storage/index.ts'
import { registerAdminRoutes } from './admin/routes.ts'
import { registerScopeCountInvalidation } from './admin/dashboard/scope-counts.ts'
import { registerApiRoutes } from './api/routes.ts'
import { sharedHitCounter } from './cluster/rate-limit-store.ts'
import { registerLimits, serverLimitOptions } from './limits.ts'
import { registerMetrics } from './metrics.ts'
import { rawPortalHits, rawPortalResponder } from './portal/portal-response.ts'
import { FastPathServer, type RawResponder } from './raw-http/raw-server.ts'
import { registerPortalRoutes } from './portal/routes.ts'
import { registerAssets } from './shared/assets.ts'
import { registerCookieFlags } from './shared/cookies.ts'
import { registerCsrf } from './shared/csrf.ts'
import { registerErrorHandling } from './shared/error-handler.ts'
import { registerHealthRoute } from './shared/health.ts'
import { registerRequestLog } from './shared/request-log.ts'
import { registerSecurityHeaders } from './shared/security-headers.ts'
import { registerSession } from './shared/session.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** GONGKAI_DATA_DIR, or null when the server was built without one (tests). */
    dataDir: string | null
  }
}

export interface ServerOptions {
  readonly db: DB
  readonly config: Pick<Config, 'secureCookies' | 'sessionIdleMinutes' | 'sessionMaxHours'> &
    Partial<Pick<Config, 'dataDir' | 'metricsToken' | 'limits'>>
  /** Fastify's logger option: `false` in tests, `{ level }` in `gongkai serve` (JSON lines via pino). */
  readonly logger?: FastifyServerOptions['logger']
  /** Close the database when the server closes (true when the server owns the connection). */
  readonly closeDatabaseOnClose?: boolean
  /** Answer cached public pages before Fastify (default true; false: Fastify answers every request, for tests). */
  readonly rawPortal?: boolean
}

/** The options Fastify applies to the HTTP server it creates itself (lib/server.js), defaults filled in. */
interface RawServerOptions {
  readonly http?: HttpServerOptions
  readonly keepAliveTimeout: number
  readonly requestTimeout: number
  readonly connectionTimeout: number
  readonly maxRequestsPerSocket: number
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const rawPortal = options.rawPortal ?? true
  // Set once the app exists: cached public pages are answered before Fastify (portal-response.ts), on the raw
  // socket when the request is simple (web/raw-http), else in the request listener.
  let answeredRaw: (req: IncomingMessage, res: ServerResponse) => boolean = () => false
  let respondRaw: RawResponder = () => null
  const app = Fastify({
    // The HTTP server Fastify would create (same timeouts), with the render cache's hits answered first.
    serverFactory: (handler, fastifyOptions) => {
      // Fastify passes its options with their defaults filled in.
      const opts = fastifyOptions as unknown as RawServerOptions
      const listener = (req: IncomingMessage, res: ServerResponse) => {
        if (!answeredRaw(req, res)) handler(req, res)
      }
      const server = rawPortal
        ? new FastPathServer(opts.http ?? {}, listener, (request, socket, chunk) =>
            respondRaw(request, socket, chunk),
          )
        : createServer(opts.http ?? {}, listener)
      server.keepAliveTimeout = opts.keepAliveTimeout
      server.requestTimeout = opts.requestTimeout
      server.setTimeout(opts.connectionTimeout)
      if (opts.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket
      return server
    },
    logger: options.logger ?? false,
    // Behind a reverse proxy on the same machine: believe its X-Forwarded-Proto/For (Secure cookies, client IP).
    trustProxy: 'loopback',
    ...serverLimitOptions(options.config.limits),
    // Fastify's own request logging writes two lines per request; registerRequestLog writes one.
    logController: new LogController({ disableRequestLogging: true }),
  })
  registerRequestLog(app)
  if (rawPortal) {
    answeredRaw = rawPortalHits(app)
    respondRaw = rawPortalResponder(app)
  }
  registerCookieFlags(app, options.config.secureCookies)
  // Where uploaded files live (`<dataDir>/uploads`); tests without one get a temporary directory.
  app.decorate('dataDir', options.config.dataDir ?? null)
  registerErrorHandling(app)
  // Both attach per-route hooks as routes are registered, so they come before every route.
  registerLimits(app, options.config.limits, sharedHitCounter(options.db, 'search'))
  registerMetrics(app, options.db, options.config.metricsToken)
  registerSecurityHeaders(app)
  // Root level, so writes through the API clear the console's cached counts too.
  registerScopeCountInvalidation(app)
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  // Content-hashed URLs, so a year of caching is safe; served from memory.
  registerAssets(app)
  await registerCsrf(app)
  registerSession(app, {
    idleMinutes: options.config.sessionIdleMinutes,
    maxHours: options.config.sessionMaxHours,
  })
  registerHealthRoute(app, options.db)
  registerPortalRoutes(app, options.db, options.config.limits)
  await app.register(
    (admin, _opts, done) => {
      registerAdminRoutes(admin, options.db)
      done()
    },
    { prefix: '/admin' },
  )
  await app.register(
    (api, _opts, done) => {
      registerApiRoutes(api, options.db)
      done()
    },
    { prefix: '/api/v1' },
  )
  if (options.closeDatabaseOnClose ?? false) {
    app.addHook('onClose', async () => {
      await options.db.destroy()
    })
  }
  return app
}
