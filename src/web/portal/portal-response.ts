// Serving a public page through the render cache: look up host + URL + display mode; on a miss render, keep
// the result when it is cacheable, and answer with `Cache-Control: no-cache` and a strong ETag so browsers
// revalidate each time and get 304 when nothing changed. Item views are counted on hits and misses alike.
//
// Hits are answered before Fastify sees the request: on the raw socket when the request is one simple GET or
// HEAD head (`rawPortalResponder`, see web/raw-http: the entry's prebuilt response bytes, no Node request or
// response objects), else in the server's request listener (`rawPortalHits`). The cached entry holds its
// encoded body and every header in Fastify's order, security headers included, so a hit is one Map lookup and
// one write, byte for byte what Fastify sends. Anything that is not a plain hit (a miss, a stale entry, a
// request forwarded by a proxy the server does not trust, a server shutting down) goes through Fastify.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isBot } from '../../catalogue/bot-user-agent.ts'
import { recordView } from '../../catalogue/view-counter.ts'
import { rawHitsCounted, recordRawHit } from '../../ops/request-metrics.ts'
import type { DB } from '../../storage/index.ts'
import { SECURITY_HEADERS } from '../shared/security-headers.ts'
import { DISPLAY_COOKIE, formatDisplayMode, parseDisplayMode, type DisplayMode } from './display-mode.ts'
import { etagOf, portalCache, type CachedPage } from './portal-cache.ts'
import type { PortalContext } from './portal-context.ts'
import { ownBytes } from '../raw-http/own-bytes.ts'
import type { RawResponder } from '../raw-http/raw-server.ts'
import { headersOf, type SimpleHead } from '../raw-http/request-head.ts'

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

/** A view is a GET by a person (a 304 too: the page was shown again); HEAD reads no page, bots are not readers. */
function countView(page: CachedPage, method: string | undefined, userAgent: string | undefined): void {
  if (page.viewItemId === undefined || method !== 'GET' || isBotCached(userAgent)) return
  recordView(page.viewItemId)
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  countView(page, request.method, request.headers['user-agent'])
  reply.header('cache-control', CACHE_CONTROL).header('etag', page.etag)
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
  return reply.code(page.status).type(page.contentType).send(page.body)
}

/** `HTTP/1.1 <status> <reason>` and the header lines, as Node writes them (the Date line and after excluded). */
function headBytes(status: number, pairs: readonly string[]): Buffer {
  let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`
  for (let i = 0; i < pairs.length; i += 2) text += `${pairs[i]}: ${pairs[i + 1]}\r\n`
  return ownBytes(text, 'latin1')
}

/**
 * The page with the headers a raw hit writes: the same Fastify sends for it, in the same order (`send` sets
 * cache-control and etag, then the type; the security headers' onSend hook runs; Fastify adds the length last).
 */
function prepared(
  route: string,
  status: number,
  contentType: string,
  body: Buffer,
  viewItemId?: number,
): CachedPage {
  const etag = etagOf(body)
  const common = ['cache-control', CACHE_CONTROL, 'etag', etag]
  const rawHeaders = [
    ...common,
    'content-type',
    contentType,
    ...SECURITY_HEADER_PAIRS,
    'content-length',
    String(body.length),
  ]
  const notModifiedHeaders = [...common, ...SECURITY_HEADER_PAIRS]
  return {
    status,
    contentType,
    body,
    etag,
    route,
    viewItemId,
    rawHeaders,
    notModifiedHeaders,
    rawAnswers: {
      ok: { head: headBytes(status, rawHeaders), body },
      notModified: { head: headBytes(304, notModifiedHeaders), body: null },
    },
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
    request.routeOptions.url ?? request.url,
    rendered.status ?? 200,
    rendered.contentType ?? 'text/html; charset=utf-8',
    // Kept by the render cache: its own allocation, not a slice of Buffer's pool (see raw-http/own-bytes.ts).
    ownBytes(rendered.body, 'utf8'),
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

/** The request fields a raw answer depends on, from either raw path. */
interface RawFields {
  readonly host: string | undefined
  readonly cookie: string | undefined
  readonly forwardedProto: string | string[] | undefined
  readonly forwardedHost: string | string[] | undefined
  readonly forwardedFor: string | string[] | undefined
}

/**
 * `protocol://host` as Fastify computes it with `trustProxy: 'loopback'`: X-Forwarded-Proto/-Host count only
 * from a loopback peer; otherwise the socket's protocol and the Host header.
 */
function originOf(fields: RawFields, trusted: boolean, encrypted: boolean): string {
  const forwardedProto = trusted ? fields.forwardedProto : undefined
  const forwardedHost = trusted ? fields.forwardedHost : undefined
  const protocol =
    forwardedProto !== undefined && forwardedProto !== ''
      ? lastEntry(forwardedProto)
      : encrypted
        ? 'https'
        : 'http'
  const host =
    forwardedHost !== undefined && forwardedHost !== '' ? lastEntry(forwardedHost) : (fields.host ?? '')
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
function clientAddress(
  peer: string | undefined,
  forwarded: string | string[] | undefined,
): string | undefined {
  if (!isLoopback(peer) || forwarded === undefined) return peer
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').map((s) => s.trim())
  let address = peer
  while (isLoopback(address) && hops.length > 0) address = hops.pop()
  return address
}

/** Both raw paths' common part: the fresh cached page for these fields, or undefined (Fastify answers). */
function rawPage(url: string, fields: RawFields, peer: string | undefined, encrypted: boolean) {
  if (NOT_RAW.test(url)) return undefined
  const display = displayCookieOf(fields.cookie)
  if (display === null) return undefined
  const key = cacheKey(originOf(fields, isLoopback(peer), encrypted), url, parseDisplayMode(display))
  // A miss is counted once, by servePortalPage when Fastify renders the page.
  return portalCache.get(key, { countMiss: false })
}

/** Whether the server writes info lines (then both raw paths log one line per request, as Fastify does). */
function requestLogger(app: FastifyInstance): FastifyBaseLogger | null {
  return ['info', 'debug', 'trace'].includes(app.log.level) ? app.log : null
}

/** Set by the preClose hook: from then on Fastify answers (503 on kept-alive connections while it closes). */
function closingFlag(app: FastifyInstance): { closing: boolean } {
  const flag = { closing: false }
  app.addHook('preClose', (done) => {
    flag.closing = true
    done()
  })
  return flag
}

/**
 * The request listener's first step: answer a GET of a cached public page from the render cache and return
 * true, or return false to let Fastify handle the request. Installed once per server (see server.ts); it sees
 * what the raw socket path (`rawPortalResponder`) left to Node: HTTP/1.0 (a reverse proxy's default),
 * pipelined requests, heads split over packets.
 */
export function rawPortalHits(app: FastifyInstance): (req: IncomingMessage, res: ServerResponse) => boolean {
  const state = closingFlag(app)
  const log = requestLogger(app)
  return (req, res) => {
    const url = req.url
    if (state.closing || req.method !== 'GET' || url === undefined) return false
    const headers = req.headers
    const page = rawPage(
      url,
      {
        host: headers.host,
        cookie: headers.cookie,
        forwardedProto: headers['x-forwarded-proto'],
        forwardedHost: headers['x-forwarded-host'],
        forwardedFor: headers['x-forwarded-for'],
      },
      req.socket.remoteAddress,
      isEncrypted(req.socket),
    )
    if (page?.rawHeaders === undefined || page.notModifiedHeaders === undefined) return false
    const timed = log !== null || rawHitsCounted()
    const started = timed ? performance.now() : 0
    countView(page, 'GET', headers['user-agent'])
    let status = page.status
    if (headers['if-none-match'] === page.etag) {
      status = 304
      res.writeHead(304, page.notModifiedHeaders as string[])
      res.end()
    } else {
      res.writeHead(status, page.rawHeaders as string[])
      res.end(page.body)
    }
    if (!timed) return true
    const elapsed = performance.now() - started
    if (page.route !== undefined) recordRawHit(page.route, status, elapsed / 1000)
    if (log !== null) {
      const ip = clientAddress(req.socket.remoteAddress, headers['x-forwarded-for'])
      logHit(
        log,
        { method: 'GET', url, headers, host: headers.host, ip, socket: req.socket },
        status,
        elapsed,
      )
    }
    return true
  }
}

/**
 * The raw socket path's responder (web/raw-http): a GET or HEAD of a cached public page is answered with the
 * page's prebuilt bytes; anything else (a miss, a stale entry, a proxy header from a peer the server does not
 * trust, a server shutting down) returns null and the connection goes to Node and Fastify.
 */
export function rawPortalResponder(app: FastifyInstance): RawResponder {
  const state = closingFlag(app)
  const log = requestLogger(app)
  return (request, socket, chunk) => {
    if (state.closing) return null
    const timed = log !== null || rawHitsCounted()
    const started = timed ? performance.now() : 0
    const peer = socket.remoteAddress
    const forwarded =
      request.forwardedProto !== undefined ||
      request.forwardedHost !== undefined ||
      request.forwardedFor !== undefined
    // Fastify ignores those headers from such a peer; the fast path does not even try to.
    if (forwarded && !isLoopback(peer)) return null
    const page = rawPage(request.url, request, peer, isEncrypted(socket))
    if (page?.rawAnswers === undefined) return null
    countView(page, request.method, request.userAgent)
    const notModified = request.ifNoneMatch === page.etag
    // Fastify's HEAD route adds `content-length: 0` to a bodiless answer: that rare case is left to it.
    if (notModified && request.method === 'HEAD') return null
    if (timed) {
      // The time to find the answer (it is written right after, in one call): what a raw hit costs here.
      const status = notModified ? 304 : page.status
      const elapsed = performance.now() - started
      if (page.route !== undefined) recordRawHit(page.route, status, elapsed / 1000)
      if (log !== null) logRawHit(log, request, socket, chunk, status, elapsed)
    }
    return notModified ? page.rawAnswers.notModified : page.rawAnswers.ok
  }
}

function isEncrypted(socket: Socket): boolean {
  return 'encrypted' in socket && socket.encrypted === true
}

function logRawHit(
  log: FastifyBaseLogger,
  request: SimpleHead,
  socket: Socket,
  chunk: Buffer,
  status: number,
  elapsed: number,
): void {
  const ip = clientAddress(socket.remoteAddress, request.forwardedFor)
  const { method, url, host } = request
  logHit(log, { method, url, headers: headersOf(chunk), host, ip, socket }, status, elapsed)
}

/** One line per raw hit with the fields Fastify's `req` serializer reads (see shared/request-log.ts), so every line looks alike. */
function logHit(
  log: FastifyBaseLogger,
  req: {
    method: string
    url: string
    headers: IncomingMessage['headers'] | Record<string, string>
    host: string | undefined
    ip: string | undefined
    socket: Socket
  },
  status: number,
  elapsed: number,
): void {
  log.info({ req, res: { statusCode: status }, responseTime: elapsed }, 'request completed')
}
