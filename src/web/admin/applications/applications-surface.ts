// What the console uses of the applications module (its public surface only), plus the small input helpers
// of the console forms: every posted field arrives as a string (or a list of them), and a wrong shape becomes
// a DomainError('invalid_input') → 422, never a 500.
import { z } from 'zod'
import { DomainError } from '../../../shared/domain-error.ts'

export * from '../../../applications/index.ts'

/** A form body as posted (urlencoded): field → string or list of strings. */
export type FormBody = Readonly<Record<string, unknown>>

export function bodyOf(body: unknown): FormBody {
  return typeof body === 'object' && body !== null ? (body as FormBody) : {}
}

/** One text field ('' when absent or not a single string). */
export function textOf(body: FormBody, name: string): string {
  const v = body[name]
  return typeof v === 'string' ? v : ''
}

/** An optional text field: undefined when blank. */
export function optionalTextOf(body: FormBody, name: string): string | undefined {
  const v = textOf(body, name).trim()
  return v === '' ? undefined : v
}

/** Every text value of a field, for the form's values map (the first, when a field was posted twice). */
export function formValues(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0]
  }
  return out
}

const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

/** The `:id` of a route, or 404 (an id that cannot exist is a page that does not exist). */
export function idParam(params: unknown): number {
  const parsed = IdParams.safeParse(params)
  if (!parsed.success) throw new DomainError('not_found', '申请不存在')
  return parsed.data.id
}
