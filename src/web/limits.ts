// Limits that keep one client from taking the service down: Fastify's body limit and request/connection
// timeouts (options of the server itself), a clear 413 before a too-large body is read, and a per-IP rate
// limit on the public search. Hooks are attached per route when routes are registered (onRoute), so a GET
// page pays nothing for the body check and only /search pays for the rate limit (counted in the database when
// several processes share PostgreSQL, see cluster/rate-limit-store.ts). Register before the routes.
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preParsingHookHandler,
} from 'fastify'
import { DEFAULT_LIMITS, type Limits } from '../config.ts'
import type { SharedHitCounter } from './cluster/rate-limit-store.ts'
import { sendError } from './shared/error-handler.ts'

/** Routes whose searches are rate-limited per client IP. */
const RATE_LIMITED_ROUTES = new Set(['/search'])
/** Multipart bodies carry a few form fields besides the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024
const WINDOW_MS = 60_000
/** Bound on remembered IPs per window (a flood of distinct addresses cannot grow memory without limit). */
const MAX_TRACKED_IPS = 100_000

/** The Fastify server options that carry the limits (spread into `Fastify({ … })`). */
export function serverLimitOptions(limits: Limits = DEFAULT_LIMITS): {
  bodyLimit: number
  requestTimeout: number
  connectionTimeout: number
} {
  return {
    bodyLimit: limits.bodyBytes,
    // The whole request (headers and body) must arrive within this; slow-loris clients are cut off.
    requestTimeout: limits.requestTimeoutMs,
    // An idle socket is closed after this (covers a client that stops reading the response).
    connectionTimeout: limits.requestTimeoutMs,
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`
}

/** 413 before reading a body whose declared length is over the limit (chunked bodies hit Fastify's own limit). */
function bodyCheck(limits: Limits): preParsingHookHandler {
  return (request, reply, payload, done) => {
    const declared = Number(request.headers['content-length'] ?? 0)
    const multipart = (request.headers['content-type'] ?? '').startsWith('multipart/')
    const limit = multipart ? limits.uploadBytes + MULTIPART_OVERHEAD_BYTES : limits.bodyBytes
    if (declared <= limit) {
      done(null, payload)
      return
    }
    reply.header('connection', 'close')
    const what = multipart ? '上传的文件' : '提交的内容'
    const shown = multipart ? limits.uploadBytes : limits.bodyBytes
    void sendError(request, reply, {
      status: 413,
      code: 'payload_too_large',
      message: `${what}超过大小限制（最大 ${sizeText(shown)}），未作任何修改。`,
      fields: {},
    })
  }
}

/** 429 with the seconds until the window ends. */
function tooManySearches(request: FastifyRequest, reply: FastifyReply, perMinute: number, ttlMs: number) {
  reply.header('retry-after', String(Math.max(1, Math.ceil(ttlMs / 1000))))
  return sendError(request, reply, {
    status: 429,
    code: 'rate_limited',
    message: `搜索过于频繁（每分钟最多 ${perMinute} 次），请稍后再试。`,
    fields: {},
  })
}

/** A fixed one-minute window per client IP; the window's map is dropped whole when the minute turns. */
function rateLimit(perMinute: number, now: () => number = Date.now): onRequestHookHandler {
  let windowStart = 0
  const seen = new Map<string, number>()
  return (request: FastifyRequest, reply: FastifyReply, done) => {
    const t = now()
    if (t - windowStart >= WINDOW_MS) {
      windowStart = t
      seen.clear()
    }
    const count = (seen.get(request.ip) ?? 0) + 1
    if (count <= perMinute + 1 && (seen.size < MAX_TRACKED_IPS || seen.has(request.ip))) {
      seen.set(request.ip, count)
    }
    if (count <= perMinute) {
      done()
      return
    }
    tooManySearches(request, reply, perMinute, windowStart + WINDOW_MS - t).then(
      () => undefined,
      (err: unknown) => done(err as Error),
    )
  }
}

/** The same limit counted in the database, across every process (PostgreSQL with several processes). */
function sharedRateLimit(perMinute: number, count: SharedHitCounter): onRequestHookHandler {
  return (request, reply, done) => {
    count(request.ip, WINDOW_MS).then(
      (hit) => {
        if (hit.count <= perMinute) {
          done()
          return
        }
        tooManySearches(request, reply, perMinute, hit.ttlMs).then(
          () => undefined,
          (err: unknown) => done(err as Error),
        )
      },
      (err: unknown) => done(err as Error),
    )
  }
}

/** A route option's hooks as an array (Fastify accepts one function or an array). */
function hooksOf<H>(existing: unknown): H[] {
  if (existing === undefined) return []
  return (Array.isArray(existing) ? existing : [existing]) as H[]
}

export function registerLimits(
  app: FastifyInstance,
  limits: Limits = DEFAULT_LIMITS,
  sharedCounter?: SharedHitCounter,
): void {
  const checkBody = bodyCheck(limits)
  const limitSearch =
    sharedCounter === undefined
      ? rateLimit(limits.searchPerMinute)
      : sharedRateLimit(limits.searchPerMinute, sharedCounter)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH')) {
      route.preParsing = [...hooksOf<preParsingHookHandler>(route.preParsing), checkBody]
    }
    if (methods.includes('GET') && RATE_LIMITED_ROUTES.has(route.url ?? '')) {
      route.onRequest = [...hooksOf<onRequestHookHandler>(route.onRequest), limitSearch]
    }
  })
}
