// Serving a public page through the render cache: look up host + URL + display mode; on a miss render, keep
// the result when it is cacheable, and answer with `Cache-Control: no-cache` and a strong ETag so browsers
// revalidate each time and get 304 when nothing changed. Item views are counted on hits and misses alike.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isBot } from '../../catalogue/bot-user-agent.ts'
import { recordView } from '../../catalogue/view-counter.ts'
import type { DB } from '../../storage/index.ts'
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

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  if (page.viewItemId !== undefined && !isBot(request.headers['user-agent'])) recordView(page.viewItemId)
  reply.header('cache-control', 'no-cache').header('etag', page.etag)
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
  return reply.code(page.status).type(page.contentType).send(page.body)
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
  const key = `${origin}${request.url}|${formatDisplayMode(display)}`
  const cached = portalCache.get(key)
  if (cached !== undefined) return send(request, reply, cached)
  const ctx = contextOf(db, request, display, origin)
  // The generations are read before rendering: a change committed during the render makes this entry stale.
  const snapshot = portalCache.snapshot(agencyId)
  const rendered = await render(ctx)
  if (rendered.location !== undefined) return reply.redirect(rendered.location, rendered.status ?? 301)
  const bytes = Buffer.from(rendered.body, 'utf8')
  const page: CachedPage = {
    status: rendered.status ?? 200,
    contentType: rendered.contentType ?? 'text/html; charset=utf-8',
    body: bytes,
    etag: etagOf(bytes),
    viewItemId: rendered.viewItemId,
  }
  if (CACHEABLE.has(page.status)) portalCache.set(key, page, agencyId, snapshot)
  return send(request, reply, page)
}
