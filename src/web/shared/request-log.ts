// One structured log line per request (Fastify's default is two: "incoming request" and "request completed"),
// written when the response has gone out, with what an operator looks for: method, URL, status, duration. The
// hook is only installed when the logger writes info lines, so `LOG_LEVEL=warn` costs nothing per request.
import type { FastifyInstance } from 'fastify'

const WRITES_INFO = new Set(['info', 'debug', 'trace'])

export function registerRequestLog(app: FastifyInstance): void {
  if (!WRITES_INFO.has(app.log.level)) return
  app.addHook('onResponse', (request, reply, done) => {
    // Fastify's serializers turn `req` into method, url, host, remoteAddress, remotePort and `res` into statusCode.
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed')
    done()
  })
}
