// In-process caches of what a request may have changed are cleared after every state-changing request that
// succeeded (any method but GET/HEAD, status below 400), so this process reads its own writes at once.
import type { FastifyInstance } from 'fastify'

export function clearAfterEveryWrite(app: FastifyInstance, clear: () => void): void {
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) clear()
    done()
  })
}
