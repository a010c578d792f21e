// The portal layout around the 依申请公开 pages: the agency's site identity (or the platform's for the
// platform-wide tracking page), the reader's display mode, breadcrumbs. These pages never go through the
// portal render cache; they are sent with `Cache-Control: no-store` and kept out of search engines.
import type { PropsWithChildren } from '@kitajs/html'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PortalAgency } from '../../../catalogue/portal.queries.ts'
import { PortalLayout, type Crumb, type PortalSite } from '../../shared/portal-layout.tsx'
import { DISPLAY_COOKIE, parseDisplayMode, type DisplayMode } from '../display-mode.ts'
import { agencyHref, agencySite, platformSite } from '../portal-context.ts'

/** Everything the layout needs that comes from the request rather than the page. */
export interface ApplyPageFrame {
  readonly site: PortalSite
  readonly display: DisplayMode
  readonly currentPath: string
  /** Breadcrumbs before the page's own (home, the agency's 专栏). */
  readonly crumbs: readonly Crumb[]
}

/** The frame of a page of `agency` (or of the platform when null). */
export function frameOf(request: FastifyRequest, agency: PortalAgency | null): ApplyPageFrame {
  const display = parseDisplayMode(request.cookies[DISPLAY_COOKIE])
  // The display switch returns here with GET: the path without any query.
  const currentPath = request.url.split('?')[0] ?? '/'
  if (agency === null) {
    return { site: platformSite(request.host), display, currentPath, crumbs: [{ label: '首页', href: '/' }] }
  }
  return {
    site: agencySite(agency, request.host),
    display,
    currentPath,
    crumbs: [
      { label: '首页', href: '/' },
      { label: agency.name, href: agencyHref(agency.id) },
    ],
  }
}

export function ApplyPage(
  props: PropsWithChildren<{ frame: ApplyPageFrame; title: string; crumb?: string }>,
) {
  return (
    <PortalLayout
      title={props.title}
      site={props.frame.site}
      columnName="依申请公开"
      columnType="依申请公开"
      display={props.frame.display}
      currentPath={props.frame.currentPath}
      crumbs={[...props.frame.crumbs, { label: props.crumb ?? '依申请公开' }]}
    >
      {props.children}
    </PortalLayout>
  )
}

/** Send a page of these routes: never stored by any cache, never indexed. */
export async function sendApplyPage(
  reply: FastifyReply,
  page: JSX.Element,
  status = 200,
): Promise<FastifyReply> {
  const html = await page
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(html)
}
