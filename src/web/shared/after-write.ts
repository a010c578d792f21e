// In-process caches of what a request may have changed are cleared after every state-changing request that
// succeeded (any method but GET/HEAD, status below 400), so this process reads its own writes at once. One
// onResponse hook per server runs every registered clear function and bumps the write version, which caches
// that cannot hold a clear function (memoised pages) compare against.
import type { FastifyInstance } from 'fastify'

interface AfterWrite {
  readonly clears: (() => void)[]
  version: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The clear functions run after every successful write, and the write version (see `writeVersion`). */
    afterWrite: AfterWrite
  }
}

function registryOf(app: FastifyInstance): AfterWrite {
  // Decorated on the first instance that asks (the root, in buildServer); encapsulated children inherit it.
  if (app.hasDecorator('afterWrite')) return app.afterWrite
  const registry: AfterWrite = { clears: [], version: 0 }
  app.decorate('afterWrite', registry)
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      registry.version += 1
      for (const clear of registry.clears) clear()
    }
    done()
  })
  return registry
}

export function clearAfterEveryWrite(app: FastifyInstance, clear: () => void): void {
  registryOf(app).clears.push(clear)
}

/**
 * A number that changes after every successful state-changing request through this server: a value memoised
 * with the version it was computed at is stale once the version differs.
 */
export function writeVersion(app: FastifyInstance): number {
  return app.afterWrite.version
}
