// What every API route shares: the signed-in actor (401 JSON when there is none, 403 while a generated
// password awaits its change) and the JSON body as an object for the operations to validate.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'

/** preHandler: the API answers anonymous requests with 401 (a console page would redirect instead). */
export function requireApiActor(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  if (request.actor === null) {
    done(new DomainError('unauthenticated', '请先登录'))
  } else if (request.actor.mustChangePassword && !request.url.startsWith('/api/v1/session')) {
    done(new DomainError('forbidden', '请先修改系统生成的初始密码'))
  } else {
    done()
  }
}

export function apiActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new DomainError('unauthenticated', '请先登录')
  return request.actor
}

/** The request body when it is a JSON object, else an empty object (the operation's schema reports what is missing). */
export function bodyObject(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}
}
