// Helpers of the 依申请公开 route tests: the form's CSRF token and one-time key as a browser gets them, and a
// multipart body builder (text fields and files) for app.inject.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { CSRF_COOKIE } from '../../shared/csrf.ts'
import { setCookieValue } from '../../testing/web-test-kit.ts'

export interface FormSession {
  readonly token: string
  readonly cookie: string
  readonly formKey: string
}

/** GET a form page and read its `_csrf` token, CSRF cookie and (on the intake form) the one-time key. */
export async function openForm(
  app: FastifyInstance,
  url: string,
  remoteAddress?: string,
): Promise<FormSession> {
  const response = await app.inject({ method: 'GET', url, remoteAddress })
  const secret = setCookieValue(response, CSRF_COOKIE)
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1]
  const formKey = /name="idempotencyKey" value="([^"]+)"/.exec(response.body)?.[1] ?? ''
  if (secret === undefined || token === undefined) {
    throw new Error(`no CSRF token on ${url} (${response.statusCode})`)
  }
  return { token, cookie: `${CSRF_COOKIE}=${secret}`, formKey }
}

export interface FilePart {
  readonly field: string
  readonly fileName: string
  readonly contentType: string
  readonly content: Buffer
}

/** A multipart/form-data body; a field given an array is sent once per value. */
export function multipart(
  fields: Readonly<Record<string, string | readonly string[]>>,
  files: readonly FilePart[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      )
    }
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\n` +
          `Content-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** POST the intake form of `agencyId` as multipart with the session's token and key (fields may override). */
export async function postIntake(
  app: FastifyInstance,
  session: FormSession,
  agencyId: number,
  fields: Readonly<Record<string, string | readonly string[]>>,
  options: { files?: readonly FilePart[]; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(
    { _csrf: session.token, idempotencyKey: session.formKey, ...fields },
    options.files ?? [],
  )
  return app.inject({
    method: 'POST',
    url: `/zfxxgk/${agencyId}/ysqgk/`,
    headers: { cookie: session.cookie, 'content-type': body.contentType },
    payload: body.payload,
    remoteAddress: options.remoteAddress,
  })
}

/** POST an urlencoded form with the session's token. */
export async function postUrlencoded(
  app: FastifyInstance,
  session: FormSession,
  url: string,
  fields: Readonly<Record<string, string>>,
  remoteAddress?: string,
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({ _csrf: session.token, ...fields })
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
    remoteAddress,
  })
}

/** The valid text fields of a natural person's application (resident ID with a correct check character). */
export function validFields(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    applicantType: 'natural_person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    email: 'zhangsan@example.cn',
    address: '北京市东城区示例路1号',
    postcode: '100010',
    description: '2025年本区老旧小区改造项目的资金使用情况',
    documentRef: '',
    formWanted: 'electronic',
    deliveryMethod: 'email',
    ...overrides,
  }
}

/** A minimal valid PDF and PNG (magic bytes are what the type check reads). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
