// GET /zfxxgk/:agencyId/:columnSlug/attachments/:attachmentId: an attachment of a published item, as stored.
// The Content-Type is the one established from the file's content at upload (never from its name), the
// UTF-8 file name goes in Content-Disposition (RFC 6266 filename*), and nosniff keeps browsers from guessing
// another type. Unknown attachments and those of unpublished items are 404; those of a withdrawn item 410.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { getPublicAttachment, uploadPath, uploadsDirOf } from '../../catalogue/index.ts'
import type { Attachment } from '../../catalogue/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseId } from './portal-context.ts'
import { loadColumn, notFound } from './portal-loaders.ts'

const SLUG = /^[A-Za-z0-9_-]{1,64}$/

/** Where an attachment of an item is downloaded from (linked from the item page). */
export function attachmentHref(agencyId: number, slug: string, attachmentId: number): string {
  return `/zfxxgk/${agencyId}/${encodeURIComponent(slug)}/attachments/${attachmentId}`
}

/** The name as uploaded, without characters that are unsafe in file names, at most 120 characters. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').slice(-120) || 'attachment'
}

function contentDisposition(attachment: Attachment): string {
  const name = safeFileName(attachment.fileName)
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? 'bin'
  // An ASCII fallback for old clients, the real name for every current browser.
  return `attachment; filename="attachment-${attachment.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export async function sendAttachment(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
  target: { readonly agencyId: number; readonly slug: string; readonly attachmentId: number },
): Promise<FastifyReply> {
  const { column } = await loadColumn(db, target.agencyId, target.slug)
  const { item, attachment } = await getPublicAttachment(db, target.agencyId, target.attachmentId)
  if (item.columnId !== column.id) throw notFound()
  if (item.status !== 'published') {
    return reply
      .code(410)
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send('该信息已撤稿，附件不再提供下载。')
  }
  const dataDir = request.server.dataDir
  if (dataDir === null) throw notFound('附件文件不存在。')
  const file = uploadPath(uploadsDirOf(dataDir), attachment.storageKey)
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  )
  if (size === null) throw notFound('附件文件不存在。')
  const etag = `"${attachment.sha256}"`
  reply.header('etag', etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff')
  if (request.headers['if-none-match'] === etag) return reply.code(304).send()
  return reply
    .type(attachment.mediaType)
    .header('content-length', String(size))
    .header('content-disposition', contentDisposition(attachment))
    .send(createReadStream(file))
}

export function registerAttachmentDownload(app: FastifyInstance, db: DB): void {
  app.get('/zfxxgk/:agencyId/:columnSlug/attachments/:attachmentId', (request, reply) => {
    const params = request.params as Record<string, string | undefined>
    const agencyId = parseId(params.agencyId)
    const attachmentId = parseId(params.attachmentId)
    const slug = params.columnSlug ?? ''
    if (agencyId === undefined || attachmentId === undefined || !SLUG.test(slug)) throw notFound()
    return sendAttachment(db, request, reply, { agencyId, slug, attachmentId })
  })
}
