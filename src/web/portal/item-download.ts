// 【下载Word】【下载PDF】 (/zfxxgk/:agencyId/:columnSlug/:itemId.docx|.pdf): the item's file with its title,
// metadata table and body. The renderers (docx, pdfkit and the embedded CJK font) are imported only when a
// download is asked for, so serving pages never loads them.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findPublicItem } from '../../catalogue/item.queries.ts'
import { getCatalogueSettings } from '../../catalogue/operations/get-catalogue-settings.ts'
import { findTopic } from '../../catalogue/topic-vocabulary.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { itemMetadata } from './item-metadata.tsx'
import { itemHref } from './portal-context.ts'
import { loadColumn, notFound } from './portal-loaders.ts'

export type DownloadFormat = 'docx' | 'pdf'

const MEDIA_TYPES: Readonly<Record<DownloadFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/** A file name browsers accept: the title without characters that are unsafe in names, at most 80 chars. */
function fileNameOf(title: string, format: DownloadFormat): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').slice(0, 80) || 'document'
  return `${base}.${format}`
}

export async function sendItemDownload(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  target: { agencyId: number; slug: string; itemId: number; format: DownloadFormat },
): Promise<FastifyReply> {
  const { agency, column } = await loadColumn(db, target.agencyId, target.slug)
  const item = await findPublicItem(db, target.agencyId, { id: target.itemId })
  if (item === undefined || item.columnId !== column.id) throw notFound()
  if (item.status !== 'published') throw new DomainError('not_found', '该信息已撤稿，不再提供下载。')
  const settings = await getCatalogueSettings(db, agency.id)
  const topicLabel = item.topicCode === null ? '' : (findTopic(settings.topics, item.topicCode)?.label ?? '')
  const document = {
    title: item.title,
    metadata: itemMetadata(item, topicLabel),
    bodyHtml: item.bodyHtml,
    agencyName: agency.name,
    url: `${request.protocol}://${request.host}${itemHref(agency.id, column.slug, item.id)}`,
  }
  const downloads = await import('../../catalogue/downloads/index.ts')
  const bytes =
    target.format === 'docx'
      ? await downloads.renderItemDocx(document)
      : await downloads.renderItemPdf(document)
  const name = fileNameOf(item.title, target.format)
  return reply
    .type(MEDIA_TYPES[target.format])
    .header('cache-control', 'no-cache')
    .header(
      'content-disposition',
      `attachment; filename="item-${item.id}.${target.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(bytes)
}
