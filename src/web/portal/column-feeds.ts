// A column's feeds: RSS 2.0 (/zfxxgk/:agencyId/:columnSlug/rss.xml) and JSON Feed 1.1 (feed.json), the
// latest FEED_SIZE published items, newest first, with absolute links.
import { listPublishedRows } from '../../catalogue/item.queries.ts'
import type { ItemSummary } from '../../catalogue/item.ts'
import { columnHref, itemHref, type PortalContext } from './portal-context.ts'
import { loadColumn } from './portal-loaders.ts'
import type { Rendered } from './portal-response.ts'
import { escapeXml } from './xml.ts'

const FEED_SIZE = 20

async function loadFeed(ctx: PortalContext, agencyId: number, slug: string) {
  const { agency, column } = await loadColumn(ctx.db, agencyId, slug)
  const items = await listPublishedRows(ctx.db, {
    agencyId,
    columnId: column.id,
    limit: FEED_SIZE,
    offset: 0,
  })
  return {
    agency,
    column,
    items,
    link: (item: ItemSummary) => ctx.origin + itemHref(agencyId, column.slug, item.id),
  }
}

export async function renderRss(ctx: PortalContext, agencyId: number, slug: string): Promise<Rendered> {
  const { agency, column, items, link } = await loadFeed(ctx, agencyId, slug)
  const entries = items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(link(item))}</link>`,
      `<guid isPermaLink="true">${escapeXml(link(item))}</guid>`,
      item.publishedAt === null ? '' : `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>`,
      `<description>${escapeXml(item.summary)}</description>`,
      '</item>',
    ].join(''),
  )
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${escapeXml(`${agency.name} - ${column.name}`)}</title>`,
    `<link>${escapeXml(ctx.origin + columnHref(agencyId, column.slug))}</link>`,
    `<description>${escapeXml(`${agency.name}政府信息公开：${column.name}`)}</description>`,
    '<language>zh-CN</language>',
    ...entries,
    '</channel></rss>',
  ].join('\n')
  return { body, contentType: 'application/rss+xml; charset=utf-8' }
}

export async function renderJsonFeed(ctx: PortalContext, agencyId: number, slug: string): Promise<Rendered> {
  const { agency, column, items, link } = await loadFeed(ctx, agencyId, slug)
  const base = ctx.origin + columnHref(agencyId, column.slug)
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${agency.name} - ${column.name}`,
    home_page_url: base,
    feed_url: `${base}feed.json`,
    language: 'zh-CN',
    items: items.map((item) => ({
      id: String(item.id),
      url: link(item),
      title: item.title,
      content_text: item.summary === '' ? item.title : item.summary,
      ...(item.publishedAt === null ? {} : { date_published: item.publishedAt }),
      date_modified: item.updatedAt,
    })),
  }
  return { body: JSON.stringify(feed), contentType: 'application/feed+json; charset=utf-8' }
}
