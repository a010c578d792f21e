// Serving a public page through the render cache: look up host + URL + display mode; on a miss render, keep
// the result when it is cacheable, and answer with `Cache-Control: no-cache` and a strong ETag so browsers
// revalidate each time and get 304 when nothing changed. Item views are counted on hits and misses alike.
//
// Hits are answered before Fastify sees the request (`rawPortalHits`, installed by the server's request
// listener): the cached entry holds its encoded body and every header, security headers included, so a hit is
// one Map lookup and one write. Anything that is not a plain GET hit (a miss, a stale entry, a request
// forwarded by a proxy the server does not trust, a server shutting down) goes through Fastify as before.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isBot } from '../../catalogue/bot-user-agent.ts'
import { recordView } from '../../catalogue/view-counter.ts'
import type { DB } from '../../storage/index.ts'
import { SECURITY_HEADERS } from '../shared/security-headers.ts'
import { DISPLAY_COOKIE, formatDisplayMode, parseDisplayMode, type DisplayMode } from './display-mode.ts'
import { etagOf, portalCache, type CachedPage } from './portal-cache.ts'
import type { PortalContext } from './portal-context.ts'

/** What a page renderer returns. */
export interface Rendered {
  readonly status?: number
  readonly contentType?: string
  readonly body: string
  /** Set on a published item's page: the view to count. */
  readonly viewItemId?: number
  /** A redirect target (with status 301): the canonical URL of what was asked for. Never cached. */
  readonly location?: string
}

/** Statuses worth caching: pages and withdrawal notices, not errors (a flood of bad URLs must not evict). */
const CACHEABLE = new Set([200, 410])
const CACHE_CONTROL = 'no-cache'
const SECURITY_HEADER_PAIRS = Object.entries(SECURITY_HEADERS).flat()

/** The render cache key: origin, path and query, display mode. */
function cacheKey(origin: string, url: string, display: DisplayMode): string {
  return `${origin}${url}|${formatDisplayMode(display)}`
}

function contextOf(db: DB, request: FastifyRequest, display: DisplayMode, origin: string): PortalContext {
  return {
    db,
    display,
    host: request.host,
    origin,
    url: request.url,
    query: request.query as Record<string, string | undefined>,
  }
}

/** `isBot` per User-Agent seen recently: a browser sends the same header on every page (bounded, cleared when full). */
const botByUserAgent = new Map<string, boolean>()

function isBotCached(userAgent: string | undefined): boolean {
  if (userAgent === undefined || userAgent.length > 512) return isBot(userAgent)
  let bot = botByUserAgent.get(userAgent)
  if (bot === undefined) {
    bot = isBot(userAgent)
    if (botByUserAgent.size >= 1_000) botByUserAgent.clear()
    botByUserAgent.set(userAgent, bot)
  }
  return bot
}

function countView(page: CachedPage, userAgent: string | undefined): void {
  if (page.viewItemId !== undefined && !isBotCached(userAgent)) recordView(page.viewItemId)
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  countView(page, request.headers['user-agent'])
  reply.header('cache-control', CACHE_CONTROL).header('etag', page.etag)
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
  return reply.code(page.status).type(page.contentType).send(page.body)
}

/** The page with the headers a raw hit writes (the same Fastify sends for it, security headers included). */
function prepared(status: number, contentType: string, body: Buffer, viewItemId?: number): CachedPage {
  const etag = etagOf(body)
  const common = ['cache-control', CACHE_CONTROL, 'etag', etag, ...SECURITY_HEADER_PAIRS]
  return {
    status,
    contentType,
    body,
    etag,
    viewItemId,
    rawHeaders: ['content-type', contentType, 'content-length', String(body.length), ...common],
    notModifiedHeaders: common,
  }
}

/**
 * Answer `request` with the cached page, or render it with `render` (which may throw a DomainError for
 * 404/422: those are answered by the error handler and never cached). `agencyId` names the agency whose data
 * the page shows (null: a platform-wide page such as home or search), whose invalidation makes it stale.
 */
export async function servePortalPage(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: number | null,
  render: (ctx: PortalContext) => Promise<Rendered>,
): Promise<FastifyReply> {
  const display = parseDisplayMode(request.cookies[DISPLAY_COOKIE])
  const origin = `${request.protocol}://${request.host}`
  const key = cacheKey(origin, request.url, display)
  const cached = portalCache.get(key)
  if (cached !== undefined) return send(request, reply, cached)
  const ctx = contextOf(db, request, display, origin)
  // The generations are read before rendering: a change committed during the render makes this entry stale.
  const snapshot = portalCache.snapshot(agencyId)
  const rendered = await render(ctx)
  if (rendered.location !== undefined) return reply.redirect(rendered.location, rendered.status ?? 301)
  const page = prepared(
    rendered.status ?? 200,
    rendered.contentType ?? 'text/html; charset=utf-8',
    Buffer.from(rendered.body, 'utf8'),
    rendered.viewItemId,
  )
  if (CACHEABLE.has(page.status)) portalCache.set(key, page, agencyId, snapshot)
  return send(request, reply, page)
}

// ── Raw hits ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Paths left to Fastify: never portal pages (no key is built for them), and /search, whose per-IP rate limit
 * (web/limits.ts) counts every request, cached or not.
 */
const NOT_RAW = /^\/(?:admin|api|assets|healthz|metrics|search)(?:[/?]|$)/

/** The addresses `trustProxy: 'loopback'` trusts (127.0.0.0/8, ::1, and IPv4-mapped 127.x). */
function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined &&
    (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
  )
}

function lastEntry(value: string | string[]): string {
  const joined = Array.isArray(value) ? value.join(',') : value
  return joined.slice(joined.lastIndexOf(',') + 1).trim()
}

/**
 * `protocol://host` as Fastify computes it with `trustProxy: 'loopback'`: X-Forwarded-Proto/-Host count only
 * from a loopback peer; otherwise the socket's protocol and the Host header.
 */
function originOf(req: IncomingMessage): string {
  const trusted = isLoopback(req.socket.remoteAddress)
  const forwardedProto = trusted ? req.headers['x-forwarded-proto'] : undefined
  const forwardedHost = trusted ? req.headers['x-forwarded-host'] : undefined
  const protocol =
    forwardedProto !== undefined && forwardedProto !== ''
      ? lastEntry(forwardedProto)
      : 'encrypted' in req.socket && req.socket.encrypted === true
        ? 'https'
        : 'http'
  const host =
    forwardedHost !== undefined && forwardedHost !== '' ? lastEntry(forwardedHost) : (req.headers.host ?? '')
  return `${protocol}://${host}`
}

/**
 * The display cookie's value as @fastify/cookie reads it (first occurrence wins); null when it is encoded or
 * quoted, which the raw path leaves to Fastify.
 */
function displayCookieOf(header: string | undefined): string | undefined | null {
  if (header === undefined || !header.includes(DISPLAY_COOKIE)) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== DISPLAY_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    return value.includes('%') || value.includes('"') ? null : value
  }
  return undefined
}

/** The client address as Fastify's `request.ip` gives it (only computed for the log line). */
function clientAddress(req: IncomingMessage): string | undefined {
  const peer = req.socket.remoteAddress
  const forwarded = req.headers['x-forwarded-for']
  if (!isLoopback(peer) || forwarded === undefined) return peer
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').map((s) => s.trim())
  let address = peer
  while (isLoopback(address) && hops.length > 0) address = hops.pop()
  return address
}

/**
 * The request listener's first step: answer a GET of a cached public page from the render cache and return
 * true, or return false to let Fastify handle the request. Installed once per server (see server.ts).
 */
export function rawPortalHits(app: FastifyInstance): (req: IncomingMessage, res: ServerResponse) => boolean {
  let closing = false
  app.addHook('preClose', (done) => {
    // From now on Fastify answers (503 on kept-alive connections while it closes).
    closing = true
    done()
  })
  const log: FastifyBaseLogger | null = ['info', 'debug', 'trace'].includes(app.log.level) ? app.log : null
  return (req, res) => {
    const url = req.url
    if (closing || req.method !== 'GET' || url === undefined || NOT_RAW.test(url)) return false
    const display = displayCookieOf(req.headers.cookie)
    if (display === null) return false
    const page = portalCache.get(cacheKey(originOf(req), url, parseDisplayMode(display)))
    if (page?.rawHeaders === undefined || page.notModifiedHeaders === undefined) return false
    const started = log === null ? 0 : performance.now()
    countView(page, req.headers['user-agent'])
    let status = page.status
    if (req.headers['if-none-match'] === page.etag) {
      status = 304
      res.writeHead(304, page.notModifiedHeaders as string[])
      res.end()
    } else {
      res.writeHead(status, page.rawHeaders as string[])
      res.end(page.body)
    }
    // The fields Fastify's `req` serializer reads (see shared/request-log.ts), so both lines look alike.
    log?.info(
      {
        req: {
          method: 'GET',
          url,
          headers: req.headers,
          host: req.headers.host,
          ip: clientAddress(req),
          socket: req.socket,
        },
        res: { statusCode: status },
        responseTime: performance.now() - started,
      },
      'request completed',
    )
    return true
  }
}
