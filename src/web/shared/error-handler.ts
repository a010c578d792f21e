// Turns every error into a response: domain errors by their code, Fastify's own errors by their status, and
// anything else into a 500 that is logged but never shown (no message, no stack). API routes answer JSON,
// pages answer the Chinese error page.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDomainError } from '../../shared/domain-error.ts'
import { ErrorPage } from './error-page.tsx'
import { defaultMessageOfStatus, STATUS_OF_DOMAIN_ERROR, titleOfStatus } from './error-status.ts'

interface ErrorView {
  readonly status: number
  readonly code: string
  readonly message: string
  readonly fields: Readonly<Record<string, string>>
}

const CSRF_CODES = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN'])

function toErrorView(error: unknown): ErrorView {
  if (isDomainError(error)) {
    const status = STATUS_OF_DOMAIN_ERROR[error.code]
    return { status, code: error.code, message: error.message, fields: error.fields }
  }
  const fastifyError = error as Partial<FastifyError>
  if (typeof fastifyError.code === 'string' && CSRF_CODES.has(fastifyError.code)) {
    const message = '表单已失效或来源无法验证，未作任何修改。请返回并刷新页面后重新提交。'
    return { status: 403, code: 'csrf', message, fields: {} }
  }
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: defaultMessageOfStatus(status), fields: {} }
  }
  return { status: 500, code: 'internal', message: defaultMessageOfStatus(500), fields: {} }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/')
}

/** Send an error response in the request's format (JSON for the API, an HTML page otherwise). */
export async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ErrorView,
): Promise<void> {
  reply.code(view.status)
  if (isApiRequest(request)) {
    await reply.send({ error: { code: view.code, message: view.message, fields: view.fields } })
    return
  }
  const homeHref = request.url.startsWith('/admin') ? '/admin' : '/'
  const html = await ErrorPage({
    status: view.status,
    title: titleOfStatus(view.status),
    message: view.message,
    homeHref,
  })
  await reply.type('text/html; charset=utf-8').send(html)
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const view = toErrorView(error)
    if (view.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: view.code, status: view.status }, 'request refused')
    await sendError(request, reply, view)
  })
  app.setNotFoundHandler(async (request, reply) => {
    await sendError(request, reply, {
      status: 404,
      code: 'not_found',
      message: defaultMessageOfStatus(404),
      fields: {},
    })
  })
}
