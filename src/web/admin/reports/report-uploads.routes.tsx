// The builder's two uploads (multipart, in a scope of their own): a CSV of 表二's hand-entered figures
// (项目,数值,来源), and last year's published report (HTML, Word, PDF) for the cross-year rules.
import fastifyMultipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { importManualFiguresCsv } from '../../../annual-report/compute/index.ts'
import { importPreviousReport } from '../../../annual-report/publish/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { actorOf, requireActor } from '../console-page.tsx'
import { afterChange } from './reports.routes.tsx'

const MAX_BYTES = 20 * 1024 * 1024

const KeyParams = z.object({
  agencyId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
  year: z.coerce.number().int().min(2019).max(2100),
})

function isFilePart(value: unknown): value is MultipartFile {
  return typeof value === 'object' && value !== null && 'file' in value && 'filename' in value
}

/** Text fields arrive as `{ value }`; the CSRF check reads plain strings. */
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

async function fileOf(request: FastifyRequest, field: string): Promise<{ fileName: string; bytes: Buffer }> {
  const part = ((request.body ?? {}) as Record<string, unknown>).file
  const refuse = (message: string) => new DomainError('invalid_input', message, { [field]: message })
  if (!isFilePart(part) || part.filename === '') throw refuse('请选择要上传的文件')
  const bytes = await part.toBuffer()
  if (part.file.truncated) throw refuse('文件超过大小限制（20 MB）')
  return { fileName: part.filename, bytes }
}

export async function registerReportUploadRoutes(app: FastifyInstance, db: DB): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  })
  flattenFields(app)
  app.post('/reports/:agencyId/:year/figures/csv', { preHandler: requireActor }, (request, reply) => {
    const parsed = KeyParams.safeParse(request.params)
    if (!parsed.success) return reply.callNotFound()
    const key = parsed.data
    return afterChange(
      db,
      request,
      reply,
      key,
      async () => {
        const { bytes } = await fileOf(request, 'csv')
        await importManualFiguresCsv(db, actorOf(request), {
          ...key,
          csv: bytes.toString('utf8').replace(/^\uFEFF/, ''),
        })
      },
      'csv',
    )
  })
  app.post('/reports/:agencyId/:year/previous', { preHandler: requireActor }, (request, reply) => {
    const parsed = KeyParams.safeParse(request.params)
    if (!parsed.success) return reply.callNotFound()
    const key = parsed.data
    return afterChange(
      db,
      request,
      reply,
      key,
      async () => {
        const file = await fileOf(request, 'file')
        await importPreviousReport(db, actorOf(request), { ...key, ...file })
      },
      'previous',
    )
  })
}
