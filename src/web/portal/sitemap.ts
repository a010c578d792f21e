// Sitemaps: /sitemap.xml is a sitemap index naming one sitemap per agency, split into chunks so that no
// sitemap lists more than 50,000 URLs (sitemaps.org); /sitemaps/:agencyId-:chunk.xml lists the agency's
// 专栏 home and columns (first chunk) and its published items.
import {
  countPublishedPerAgency,
  listPortalAgencies,
  listSitemapRows,
} from '../../catalogue/portal.queries.ts'
import { agencyHref, columnHref, itemHref, type PortalContext } from './portal-context.ts'
import { loadAgencyColumns, notFound } from './portal-loaders.ts'
import type { Rendered } from './portal-response.ts'
import { escapeXml } from './xml.ts'

/** Items per chunk: 50,000 URLs at most, less room for the home and column URLs of the first chunk. */
export const SITEMAP_ITEMS_PER_CHUNK = 49_000

const XML_TYPE = 'application/xml; charset=utf-8'

export async function renderSitemapIndex(ctx: PortalContext): Promise<Rendered> {
  const [agencies, counts] = await Promise.all([listPortalAgencies(ctx.db), countPublishedPerAgency(ctx.db)])
  const entries: string[] = []
  for (const agency of agencies) {
    const chunks = Math.max(1, Math.ceil((counts.get(agency.id) ?? 0) / SITEMAP_ITEMS_PER_CHUNK))
    for (let chunk = 1; chunk <= chunks; chunk++) {
      entries.push(
        `<sitemap><loc>${escapeXml(`${ctx.origin}/sitemaps/${agency.id}-${chunk}.xml`)}</loc></sitemap>`,
      )
    }
  }
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</sitemapindex>',
  ].join('\n')
  return { body, contentType: XML_TYPE }
}

function url(loc: string, lastmod?: string): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod.slice(0, 10)}</lastmod>`}</url>`
}

export async function renderAgencySitemap(
  ctx: PortalContext,
  agencyId: number,
  chunk: number,
): Promise<Rendered> {
  const { columns } = await loadAgencyColumns(ctx.db, agencyId)
  const rows = await listSitemapRows(ctx.db, agencyId, {
    limit: SITEMAP_ITEMS_PER_CHUNK,
    offset: (chunk - 1) * SITEMAP_ITEMS_PER_CHUNK,
  })
  if (chunk > 1 && rows.length === 0) throw notFound()
  const head =
    chunk === 1
      ? [
          url(ctx.origin + agencyHref(agencyId)),
          ...columns.map((c) => url(ctx.origin + columnHref(agencyId, c.slug))),
        ]
      : []
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...head,
    ...rows.map((r) => url(ctx.origin + itemHref(agencyId, r.columnSlug, r.id), r.updatedAt)),
    '</urlset>',
  ].join('\n')
  return { body, contentType: XML_TYPE }
}
