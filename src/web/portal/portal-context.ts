// What every portal page render needs: the database, the reader's display mode, the host (SiteDomain and
// absolute feed/sitemap links) and the page's own path; plus the URL builders and formatting shared by pages.
import type { PortalAgency } from '../../catalogue/portal.queries.ts'
import type { DB } from '../../storage/index.ts'
import type { PortalSite } from '../shared/portal-layout.tsx'
import type { DisplayMode } from './display-mode.ts'

export interface PortalContext {
  readonly db: DB
  readonly display: DisplayMode
  /** Host the request was made to (SiteDomain). */
  readonly host: string
  /** `https://host` or `http://host`, for absolute links in feeds and sitemaps. */
  readonly origin: string
  /** Path and query of the request. */
  readonly url: string
  readonly query: Readonly<Record<string, string | undefined>>
}

/** Platform name shown on pages that belong to no agency (home, search). */
export const PLATFORM_NAME = '政府信息公开平台'

export function agencySite(agency: PortalAgency, host: string): PortalSite {
  return {
    name: agency.name,
    domain: host,
    siteCode: agency.siteCode,
    sponsor: agency.siteSponsor ?? agency.name,
    icpRecord: agency.icpRecord,
    policeRecord: agency.policeRecord,
    homeHref: agencyHref(agency.id),
  }
}

export function platformSite(host: string): PortalSite {
  return {
    name: PLATFORM_NAME,
    domain: host,
    siteCode: null,
    sponsor: PLATFORM_NAME,
    icpRecord: null,
    policeRecord: null,
    homeHref: '/',
  }
}

export function agencyHref(agencyId: number): string {
  return `/zfxxgk/${agencyId}/`
}

export function columnHref(agencyId: number, slug: string): string {
  return `/zfxxgk/${agencyId}/${encodeURIComponent(slug)}/`
}

export function itemHref(agencyId: number, slug: string, itemId: number, ext = 'html'): string {
  return `/zfxxgk/${agencyId}/${encodeURIComponent(slug)}/${itemId}.${ext}`
}

/** `YYYY-MM-DD HH:mm` in China Standard Time (the PubDate meta and item pages). */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** A positive integer id from a URL segment, or undefined (→ 404). */
export function parseId(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9][0-9]{0,15}$/.test(value)) return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : undefined
}
