// Submitted catalogue forms → the inputs of the catalogue operations. The operations validate every field with
// their schemas; this only reshapes the browser's strings (numbers for ids, null for empty optional fields).
import { DomainError } from '../../../shared/domain-error.ts'
import { splitKeywords } from './catalogue-surface.ts'

type FormBody = Readonly<Record<string, unknown>>

/** The string values of a form, for showing it again after an error (nothing the user typed is lost). */
export function formValues(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value
  return out
}

export function textOf(body: FormBody, key: string): string {
  const value = body[key]
  return typeof value === 'string' ? value : ''
}

/** An id field: empty → undefined; anything else → a number (NaN for junk, which the schema refuses). */
export function idOf(body: FormBody, key: string): number | undefined {
  const value = textOf(body, key).trim()
  return value === '' ? undefined : Number(value)
}

function nullable(body: FormBody, key: string): string | null {
  const value = textOf(body, key).trim()
  return value === '' ? null : value
}

/** Item metadata fields of the draft form, as CreateDraftInput / UpdateDraftInput take them. */
export function itemFieldsFromForm(body: FormBody) {
  return {
    columnId: idOf(body, 'columnId'),
    title: textOf(body, 'title'),
    itemType: textOf(body, 'itemType') || undefined,
    topicCode: nullable(body, 'topicCode'),
    publisherName: nullable(body, 'publisherName'),
    docNumber: nullable(body, 'docNumber'),
    writtenOn: nullable(body, 'writtenOn'),
    madeOn: nullable(body, 'madeOn'),
    validity: textOf(body, 'validity') || undefined,
    effectiveOn: nullable(body, 'effectiveOn'),
    repealedOn: nullable(body, 'repealedOn'),
    keywords: splitKeywords(textOf(body, 'keywords')),
    summary: textOf(body, 'summary'),
    bodyHtml: textOf(body, 'bodyHtml'),
  }
}

/** `datetime-local` (China Standard Time, as the form says) → ISO 8601 with offset; empty → null. */
export function scheduledAtOf(body: FormBody): string | null {
  const value = textOf(body, 'scheduledAt').trim()
  if (value === '') return null
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value
}

/** The `:id` of a console URL; anything but a positive integer names nothing (404 page, never a 500). */
export function idParamOf(params: unknown): { id: number } {
  const raw = (params as Record<string, unknown> | null)?.id
  const id = typeof raw === 'string' && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(id)) throw new DomainError('not_found', '您访问的页面不存在')
  return { id }
}
