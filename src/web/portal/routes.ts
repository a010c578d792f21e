// The public portal's routes (no login): platform home, 专栏 home, column lists, item pages and downloads,
// feeds, search, sitemaps and the display switch. Each page goes through the render cache (portal-response).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Limits } from '../../config.ts'
import type { DB } from '../../storage/index.ts'
import { cookieOptions } from '../shared/cookies.ts'
import { registerApplicationPortalRoutes } from './applications/routes.ts'
import { renderAgencyHome } from './agency-home.tsx'
import { registerAttachmentDownload } from './attachment-download.ts'
import { renderJsonFeed, renderRss } from './column-feeds.ts'
import { renderColumnPage } from './column-page.tsx'
import { DISPLAY_COOKIE, formatDisplayMode, parseDisplayMode, safeReturnPath } from './display-mode.ts'
import { renderPlatformHome } from './home.tsx'
import { sendItemDownload } from './item-download.ts'
import { renderItemPage } from './item-page.tsx'
import { parseId } from './portal-context.ts'
import { notFound } from './portal-loaders.ts'
import { servePortalPage } from './portal-response.ts'
import { registerInfographicRoutes } from './report-infographic.tsx'
import { registerScheduledPublish } from './scheduled-publish.ts'
import { renderSearchPage } from './search-page.tsx'
import { renderAgencySitemap, renderSitemapIndex } from './sitemap.ts'
import { registerViewFlush } from './view-flush.ts'

type Params = Record<string, string | undefined>

const ITEM_FILE = /^([1-9][0-9]{0,15})\.(html|docx|pdf)$/
const SLUG = /^[A-Za-z0-9_-]{1,64}$/
const SITEMAP_FILE = /^([1-9][0-9]{0,15})-([1-9][0-9]{0,4})\.xml$/

function agencyIdOf(request: FastifyRequest): number {
  const id = parseId((request.params as Params).agencyId)
  if (id === undefined) throw notFound()
  return id
}

function slugOf(request: FastifyRequest): string {
  const slug = (request.params as Params).columnSlug ?? ''
  if (!SLUG.test(slug)) throw notFound()
  return slug
}

async function serveColumnFile(db: DB, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const agencyId = agencyIdOf(request)
  const slug = slugOf(request)
  const file = (request.params as Params).file ?? ''
  if (file === 'rss.xml') {
    return servePortalPage(db, request, reply, agencyId, (ctx) => renderRss(ctx, agencyId, slug))
  }
  if (file === 'feed.json') {
    return servePortalPage(db, request, reply, agencyId, (ctx) => renderJsonFeed(ctx, agencyId, slug))
  }
  const match = ITEM_FILE.exec(file)
  if (match === null) throw notFound()
  const itemId = Number(match[1])
  const ext = match[2]
  if (ext === 'docx' || ext === 'pdf') {
    return sendItemDownload(db, request, reply, { agencyId, slug, itemId, format: ext })
  }
  return servePortalPage(db, request, reply, agencyId, (ctx) => renderItemPage(ctx, agencyId, slug, itemId))
}

export function registerPortalRoutes(app: FastifyInstance, db: DB, limits?: Limits): void {
  registerViewFlush(app, db)
  registerScheduledPublish(app, db)
  registerApplicationPortalRoutes(app, db, limits)
  app.get('/', (request, reply) => servePortalPage(db, request, reply, null, renderPlatformHome))
  app.get('/search', (request, reply) => servePortalPage(db, request, reply, null, renderSearchPage))
  app.get('/sitemap.xml', (request, reply) => servePortalPage(db, request, reply, null, renderSitemapIndex))
  app.get('/sitemaps/:file', (request, reply) => {
    const match = SITEMAP_FILE.exec((request.params as Params).file ?? '')
    if (match === null) throw notFound()
    const agencyId = Number(match[1])
    const chunk = Number(match[2])
    return servePortalPage(db, request, reply, agencyId, (ctx) => renderAgencySitemap(ctx, agencyId, chunk))
  })
  app.get('/zfxxgk/:agencyId/', (request, reply) => {
    const agencyId = agencyIdOf(request)
    return servePortalPage(db, request, reply, agencyId, (ctx) => renderAgencyHome(ctx, agencyId))
  })
  app.get('/zfxxgk/:agencyId/:columnSlug/', (request, reply) => {
    const agencyId = agencyIdOf(request)
    const slug = slugOf(request)
    return servePortalPage(db, request, reply, agencyId, (ctx) => renderColumnPage(ctx, agencyId, slug))
  })
  app.get('/zfxxgk/:agencyId/:columnSlug/:file', (request, reply) => serveColumnFile(db, request, reply))
  registerAttachmentDownload(app, db)
  registerInfographicRoutes(app, db)
  // The display switch: a plain link sets the preference cookie (a year) and returns to the page.
  app.get('/display', (request, reply) => {
    const query = request.query as Params
    const mode = parseDisplayMode(query.set)
    reply.setCookie(DISPLAY_COOKIE, formatDisplayMode(mode), {
      ...cookieOptions(request),
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 365 * 24 * 3600,
    })
    return reply.header('cache-control', 'no-store').redirect(safeReturnPath(query.return), 303)
  })
}
