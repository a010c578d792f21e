// POST /admin/catalogue/items/:id/attachments: one file per form (multipart/form-data, in this scope only,
// with size limits). The catalogue checks the real type from the content (a renamed file is refused with a
// Chinese message) and stores it; the item page shows the refusal under the upload field.
import fastifyMultipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import { idParamOf } from './form-input.ts'
import type { DB } from '../../../storage/index.ts'
import { actorOf, requireActor } from '../console-page.tsx'
import { addAttachment, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, uploadsDirOf } from './catalogue-operations.ts'
import { sendItemPage } from './item-workflow.routes.tsx'

function isFilePart(value: unknown): value is MultipartFile {
  return typeof value === 'object' && value !== null && 'file' in value && 'filename' in value
}

/**
 * With `attachFieldsToBody`, each text field arrives as `{ value }`; the CSRF check (root preHandler) and the
 * route read plain strings, so this hook flattens them and leaves the file parts as they are.
 */
function flattenFields(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) {
      done()
      return
    }
    const body: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(request.body as Record<string, unknown>)) {
      const part = Array.isArray(field) ? (field[0] as unknown) : field
      body[key] = isFilePart(part) ? part : (part as { value?: unknown } | undefined)?.value
    }
    request.body = body
    done()
  })
}

async function fileOf(body: Record<string, unknown>): Promise<{ fileName: string; bytes: Buffer }> {
  const part = body.file
  const refuse = (message: string) => new DomainError('invalid_input', message, { file: message })
  if (!isFilePart(part) || part.filename === '') throw refuse('请选择要上传的文件')
  const bytes = await part.toBuffer()
  // throwFileSizeLimit is off so the refusal is a Chinese message on the page rather than a bare 413.
  if (part.file.truncated) throw refuse(`附件超过大小限制（${MAX_UPLOAD_MB} MB）`)
  return { fileName: part.filename, bytes }
}

let scratchUploads: string | undefined

/** `<GONGKAI_DATA_DIR>/uploads`; a server built without a data directory (tests) uses a temporary one. */
function uploadsDir(app: FastifyInstance): string {
  if (app.dataDir !== null) return uploadsDirOf(app.dataDir)
  scratchUploads ??= mkdtempSync(path.join(tmpdir(), 'gongkai-uploads-'))
  return scratchUploads
}

export async function registerAttachmentRoutes(app: FastifyInstance, db: DB): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  })
  flattenFields(app)
  app.post('/catalogue/items/:id/attachments', { preHandler: requireActor }, async (request, reply) => {
    const { id } = idParamOf(request.params)
    try {
      const file = await fileOf((request.body ?? {}) as Record<string, unknown>)
      await addAttachment(
        db,
        actorOf(request),
        { itemId: id, ...file },
        { uploadsDir: uploadsDir(app), maxBytes: MAX_UPLOAD_BYTES },
      )
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'invalid_input') throw err
      return sendItemPage(db, request, reply, { id, errors: err.fields, message: err.message, status: 422 })
    }
    return reply.redirect(`/admin/catalogue/items/${id}?done=upload`, 303)
  })
}
