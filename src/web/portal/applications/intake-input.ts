// The online application form's body (multipart with files, or urlencoded without) → the domain's input and
// attachments. Attachment types are established from the bytes with the catalogue's check (a renamed file is
// refused), then limited to what the intake accepts (PDF, JPEG, PNG). Field errors come back keyed by the
// form's field names, so the page can show each message under its field.
import type { MultipartFile } from '@fastify/multipart'
import {
  ATTACHMENT_LIMITS,
  OnlineApplicationSchema,
  type AttachmentInput,
  type OnlineApplicationInput,
} from '../../../applications/index.ts'
import { ATTACHMENT_MEDIA_TYPES, checkAttachment } from '../../../catalogue/index.ts'
import { isDomainError } from '../../../shared/domain-error.ts'

/** The text fields of the form, in page order (the field names are stable: tests and e2e rely on them). */
export const TEXT_FIELDS = [
  'applicantType',
  'orgSubtype',
  'name',
  'idType',
  'idNumber',
  'contactName',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'documentRef',
  'formWanted',
  'deliveryMethod',
  'idempotencyKey',
] as const
export type TextField = (typeof TEXT_FIELDS)[number]

/** The file inputs and the attachment kind each one carries. */
export const FILE_FIELDS = { idCopy: 'id_copy', authorisation: 'authorisation' } as const
export type FileField = keyof typeof FILE_FIELDS

/** What the form was given as text, echoed back on error (files cannot be: the browser asks again). */
export type FormValues = Partial<Record<TextField, string>>

export interface ParsedIntake {
  readonly values: FormValues
  readonly input: OnlineApplicationInput
  readonly attachments: AttachmentInput[]
  /** Field name → Chinese message for files and markup refused before the domain sees them. */
  readonly preErrors: Record<string, string>
}

const ACCEPTED = new Set(ATTACHMENT_LIMITS.mediaTypes)

// Free-text fields of the public form refuse markup: a name, an address or a description has no use for an
// HTML tag, and refusing it keeps script payloads out of the case file and the letters altogether. (Pages
// escape everything anyway; 《》 and a lone “<” in prose are still accepted.)
const MARKUP = /<\s*[a-z!/?]/i
const FREE_TEXT: Readonly<Partial<Record<TextField, string>>> = {
  name: '姓名或名称',
  contactName: '联系人',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '内容描述',
  documentRef: '文件名称或文号',
  idNumber: '证件号码',
  phone: '联系电话',
}
const MAX_MB = Math.floor(ATTACHMENT_LIMITS.maxBytes / 1024 / 1024)

export function isFilePart(value: unknown): value is MultipartFile {
  return typeof value === 'object' && value !== null && 'file' in value && 'filename' in value
}

/** A text value as posted: strings kept, anything else (arrays, files in a text field) left for zod to refuse. */
function textOf(value: unknown): unknown {
  return isFilePart(value) ? { file: true } : value
}

async function attachmentOf(
  part: MultipartFile,
  kind: AttachmentInput['kind'],
): Promise<{ attachment?: AttachmentInput; error?: string }> {
  const bytes = await part.toBuffer()
  // throwFileSizeLimit is off so an over-large file is a message under its field, not a bare 413.
  if (part.file.truncated) return { error: `单个附件不能超过${MAX_MB}MB` }
  try {
    const format = checkAttachment({ fileName: part.filename, bytes, maxBytes: ATTACHMENT_LIMITS.maxBytes })
    const mediaType = ATTACHMENT_MEDIA_TYPES[format]
    if (!ACCEPTED.has(mediaType)) return { error: '附件只能是PDF、JPEG或PNG文件' }
    return { attachment: { kind, fileName: part.filename, mediaType, content: Uint8Array.from(bytes) } }
  } catch (err) {
    if (isDomainError(err) && err.code === 'invalid_input') return { error: err.message }
    throw err
  }
}

/** Read the posted body of the form for `agencyId` (the agency comes from the URL, never from the form). */
export async function parseIntakeBody(
  agencyId: number,
  body: Record<string, unknown>,
): Promise<ParsedIntake> {
  const values: FormValues = {}
  const raw: Record<string, unknown> = { agencyId }
  for (const name of TEXT_FIELDS) {
    const value = textOf(body[name])
    if (typeof value === 'string') values[name] = value
    // An unchosen radio group or an empty optional field is simply absent.
    if (value !== undefined && !(value === '' && (name === 'orgSubtype' || name === 'idempotencyKey'))) {
      raw[name] = value
    }
  }
  // A natural person has no organisation subtype, whatever the radio buttons still say.
  if (raw.applicantType === 'natural_person') delete raw.orgSubtype
  const attachments: AttachmentInput[] = []
  const preErrors: Record<string, string> = {}
  for (const [name, label] of Object.entries(FREE_TEXT)) {
    const value = values[name as TextField]
    if (value !== undefined && MARKUP.test(value)) {
      preErrors[name] = `${label}不能包含HTML标记或脚本，请删除后重试`
    }
  }
  for (const [field, kind] of Object.entries(FILE_FIELDS)) {
    const part = body[field]
    if (part === undefined || part === '') continue
    if (!isFilePart(part)) {
      preErrors[field] = '附件无效，请重新选择文件'
      continue
    }
    if (part.filename === '') continue
    const { attachment, error } = await attachmentOf(part, kind)
    if (error !== undefined) preErrors[field] = error
    if (attachment !== undefined) attachments.push(attachment)
  }
  return { values, input: raw as OnlineApplicationInput, attachments, preErrors }
}

/** The schema's field errors without submitting (to show them together with refused files). */
export function fieldErrorsOf(input: OnlineApplicationInput): Record<string, string> {
  const result = OnlineApplicationSchema.safeParse(input)
  const fields: Record<string, string> = {}
  if (result.success) return fields
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message
  return fields
}

/** Domain field keys → form field names (`attachments.1.fileName` → the file input it came from). */
export function formFieldErrors(
  fields: Readonly<Record<string, string>>,
  attachments: readonly AttachmentInput[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    const m = /^attachments\.(\d+)/.exec(key)
    if (m === null) {
      out[key] ??= message
      continue
    }
    const kind = attachments[Number(m[1])]?.kind
    const field = Object.entries(FILE_FIELDS).find(([, k]) => k === kind)?.[0] ?? 'idCopy'
    out[field] ??= message
  }
  return out
}
