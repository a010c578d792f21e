// The public side of 依申请公开 (no login): the online application form of an agency, the receipt, and the
// tracking page (per agency and platform-wide) with letter downloads. In their own scope: multipart for the
// attachments and per-IP rate limits on every POST (429 with a Chinese page). Never through the portal render
// cache; every answer is `Cache-Control: no-store`.
import { randomBytes } from 'node:crypto'
import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  ATTACHMENT_LIMITS,
  submitOnlineApplication,
  trackCaseProgress,
  trackedLetterFile,
} from '../../../applications/index.ts'
import { findPortalAgency, type PortalAgency } from '../../../catalogue/portal.queries.ts'
import { DomainError, isDomainError } from '../../../shared/domain-error.ts'
import { DEFAULT_LIMITS, type Limits } from '../../../config.ts'
import type { DB } from '../../../storage/index.ts'
import { sharedRateLimitOptions } from '../../cluster/rate-limit-store.ts'
import { csrfToken } from '../../shared/csrf.ts'
import { parseId } from '../portal-context.ts'
import { notFound } from '../portal-loaders.ts'
import { frameOf, sendApplyPage } from './apply-page.tsx'
import { IntakeForm } from './intake-form.tsx'
import {
  fieldErrorsOf,
  formFieldErrors,
  isFilePart,
  parseIntakeBody,
  type FormValues,
} from './intake-input.ts'
import { ReceiptPage } from './receipt-page.tsx'
import { LETTER_DOWNLOAD_PATH, TrackingPage } from './tracking-page.tsx'

/** Per-IP limits of the POSTs, per hour (config: GONGKAI_APPLY_SUBMITS_PER_HOUR, GONGKAI_TRACK_LOOKUPS_PER_HOUR). */
export type ApplyRateLimits = Pick<Limits, 'applySubmitsPerHour' | 'trackLookupsPerHour'>

type Params = Record<string, string | undefined>
type Body = Record<string, unknown>

const HOUR_MS = 3600_000
const FORM_KEY = /^[A-Za-z0-9_-]{8,100}$/

/** A fresh one-time key for a form: a second POST with it shows the first receipt instead of a second case. */
function newFormKey(): string {
  return randomBytes(18).toString('base64url')
}

async function agencyOf(db: DB, request: FastifyRequest): Promise<PortalAgency> {
  const id = parseId((request.params as Params).agencyId)
  const agency = id === undefined ? undefined : await findPortalAgency(db, id)
  if (agency === undefined) throw notFound()
  return agency
}

function bodyOf(request: FastifyRequest): Body {
  const body = request.body
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {}
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** Multipart requests whose body was read completely (the others failed inside the multipart parser). */
const parsedMultipart = new WeakSet<FastifyRequest>()

/** With `attachFieldsToBody`, text fields arrive as `{ value }`; the CSRF check and the routes read strings. */
function flattenMultipartFields(scope: FastifyInstance): void {
  scope.addHook('preValidation', (request, _reply, done) => {
    if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) {
      done()
      return
    }
    parsedMultipart.add(request)
    const body: Body = {}
    for (const [key, field] of Object.entries(request.body as Body)) {
      const part = Array.isArray(field) ? (field[0] as unknown) : field
      body[key] = isFilePart(part) ? part : (part as { value?: unknown } | undefined)?.value
    }
    request.body = body
    done()
  })
}

/**
 * A malformed multipart body (no boundary, cut off) makes the parser throw a plain error, which would be a 500:
 * answer 400 instead. Every other error goes on to the server's handler unchanged.
 */
function refuseMalformedMultipart(scope: FastifyInstance): void {
  scope.setErrorHandler((error, request) => {
    const status = (error as { statusCode?: unknown }).statusCode
    const isClientError = typeof status === 'number' && status >= 400 && status < 500
    if (request.isMultipart() && !parsedMultipart.has(request) && !isClientError && !isDomainError(error)) {
      request.log.info({ err: error }, 'malformed multipart body')
      throw Object.assign(new Error('malformed multipart body'), { statusCode: 400 })
    }
    throw error
  })
}

function tooManyRequests(_request: FastifyRequest, context: { ttl: number }): DomainError {
  const minutes = Math.max(1, Math.ceil(context.ttl / 60_000))
  return new DomainError('locked', `您的操作过于频繁，为保障平台正常运行，请于${minutes}分钟后再试。`)
}

async function sendIntakeForm(
  reply: FastifyReply,
  request: FastifyRequest,
  agency: PortalAgency,
  state: { values?: FormValues; errors?: Record<string, string>; message?: string; status?: number } = {},
): Promise<FastifyReply> {
  const posted = state.values?.idempotencyKey
  const page = IntakeForm({
    frame: frameOf(request, agency),
    agencyId: agency.id,
    agencyName: agency.name,
    csrf: csrfToken(request, reply),
    // A refused form keeps its key, so the corrected submit is still the same application.
    idempotencyKey: posted !== undefined && FORM_KEY.test(posted) ? posted : newFormKey(),
    values: state.values,
    errors: state.errors,
    message: state.message,
  })
  return sendApplyPage(reply, page, state.status ?? 200)
}

async function submitApplication(
  db: DB,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const agency = await agencyOf(db, request)
  const parsed = await parseIntakeBody(agency.id, bodyOf(request))
  const refuse = (errors: Record<string, string>, message = '提交的内容有误，请检查后重试') =>
    sendIntakeForm(reply, request, agency, { values: parsed.values, errors, message, status: 422 })
  // Refused files and markup are reported together with the fields' errors, before anything is written.
  if (Object.keys(parsed.preErrors).length > 0) {
    return refuse({ ...fieldErrorsOf(parsed.input), ...parsed.preErrors })
  }
  try {
    const submitted = await submitOnlineApplication(db, parsed.input, parsed.attachments)
    const page = ReceiptPage({
      frame: frameOf(request, agency),
      agencyId: agency.id,
      submitted,
      values: parsed.values,
    })
    return await sendApplyPage(reply, page)
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'invalid_input') throw err
    return refuse(formFieldErrors(err.fields, parsed.attachments), err.message)
  }
}

async function trackingAgency(db: DB, request: FastifyRequest): Promise<PortalAgency | null> {
  return (request.params as Params).agencyId === undefined ? null : agencyOf(db, request)
}

async function showTracking(db: DB, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const agency = await trackingAgency(db, request)
  const page = TrackingPage({
    frame: frameOf(request, agency),
    action: actionOf(request),
    csrf: csrfToken(request, reply),
  })
  return sendApplyPage(reply, page)
}

function actionOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/ysqgk/track'
}

const NOT_FOUND_MESSAGE = '查询码或联系电话不正确，请核对后重新输入。'

async function lookUp(db: DB, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const agency = await trackingAgency(db, request)
  const body = bodyOf(request)
  const values = { trackingCode: str(body.trackingCode), phone: str(body.phone) }
  const render = (
    state: { errors?: Record<string, string>; message?: string; status: number },
    result?: Awaited<ReturnType<typeof trackCaseProgress>>,
  ) =>
    sendApplyPage(
      reply,
      TrackingPage({
        frame: frameOf(request, agency),
        action: actionOf(request),
        csrf: csrfToken(request, reply),
        values,
        errors: state.errors,
        message: state.message,
        result,
      }),
      state.status,
    )
  try {
    const result = await trackCaseProgress(db, { trackingCode: body.trackingCode, phone: body.phone } as {
      trackingCode: string
      phone: string
    })
    return await render({ status: 200 }, result)
  } catch (err) {
    if (!isDomainError(err)) throw err
    if (err.code === 'invalid_input') {
      return render({ errors: { ...err.fields }, message: err.message, status: 422 })
    }
    // One message for an unknown code and a wrong phone number alike (no enumeration).
    if (err.code === 'not_found') return render({ message: NOT_FOUND_MESSAGE, status: 404 })
    throw err
  }
}

async function downloadLetter(db: DB, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const body = bodyOf(request)
  const letterId = parseId(str(body.letterId))
  try {
    if (letterId === undefined) throw new DomainError('not_found', NOT_FOUND_MESSAGE)
    const file = await trackedLetterFile(db, {
      trackingCode: str(body.trackingCode) ?? '',
      phone: str(body.phone) ?? '',
      letterId,
      format: 'pdf',
    })
    return await reply
      .type(file.mediaType)
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header(
        'content-disposition',
        `attachment; filename="letter-${letterId}.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .send(file.bytes)
  } catch (err) {
    if (!isDomainError(err) || (err.code !== 'not_found' && err.code !== 'invalid_input')) throw err
    const page = TrackingPage({
      frame: frameOf(request, null),
      action: '/ysqgk/track',
      csrf: csrfToken(request, reply),
      message: NOT_FOUND_MESSAGE,
    })
    return sendApplyPage(reply, page, 404)
  }
}

/** Register the public 依申请公开 routes in their own scope. */
export function registerApplicationPortalRoutes(
  app: FastifyInstance,
  db: DB,
  limits: ApplyRateLimits = DEFAULT_LIMITS,
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: {
        fileSize: ATTACHMENT_LIMITS.maxBytes,
        files: 2,
        fields: 30,
        fieldSize: 16 * 1024,
        parts: 40,
      },
    })
    flattenMultipartFields(scope)
    refuseMalformedMultipart(scope)
    await scope.register(fastifyRateLimit, {
      global: false,
      ...sharedRateLimitOptions(db, 'portal-applications'),
    })
    const submitLimit = scope.rateLimit({
      // Submissions, valid or not (a refused form costs one too: fuzzing is throttled alike).
      max: limits.applySubmitsPerHour ?? DEFAULT_LIMITS.applySubmitsPerHour ?? 10,
      timeWindow: HOUR_MS,
      errorResponseBuilder: tooManyRequests,
    })
    const lookupLimit = scope.rateLimit({
      // Lookups and letter downloads together: each one tries a code and a phone number.
      max: limits.trackLookupsPerHour ?? DEFAULT_LIMITS.trackLookupsPerHour ?? 30,
      timeWindow: HOUR_MS,
      errorResponseBuilder: tooManyRequests,
    })

    scope.get('/zfxxgk/:agencyId/ysqgk/', async (request, reply) =>
      sendIntakeForm(reply, request, await agencyOf(db, request)),
    )
    scope.post('/zfxxgk/:agencyId/ysqgk/', { onRequest: submitLimit }, (request, reply) =>
      submitApplication(db, request, reply),
    )
    for (const path of ['/ysqgk/track', '/zfxxgk/:agencyId/ysqgk/track']) {
      scope.get(path, (request, reply) => showTracking(db, request, reply))
      scope.post(path, { onRequest: lookupLimit }, (request, reply) => lookUp(db, request, reply))
    }
    scope.post(LETTER_DOWNLOAD_PATH, { onRequest: lookupLimit }, (request, reply) =>
      downloadLetter(db, request, reply),
    )
  })
}
