// A submitted agency form (flat `site.x` / `guide.x` names) → the nested input the accounts operations take.
// Validation stays in the accounts schema; this only reshapes.
import type { CreateAgencyInput } from '../../../accounts/index.ts'

type FormBody = Readonly<Record<string, unknown>>

const SITE_KEYS = ['siteCode', 'sponsor', 'icpRecord', 'policeRecord'] as const
const GUIDE_KEYS = ['office', 'address', 'hours', 'phone', 'fax', 'email', 'postcode'] as const

function text(body: FormBody, key: string): string | undefined {
  const value = body[key]
  return typeof value === 'string' ? value : undefined
}

/** The string values of the form, for re-displaying it after a validation error. */
export function formValues(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value
  return out
}

export function agencyInputFromForm(body: FormBody): CreateAgencyInput {
  const parent = text(body, 'parentId')
  // The operation validates every field with its schema (parseInput); the cast only reflects that the raw
  // strings are handed over unchecked, as the browser sent them.
  return {
    // Absent when the form offered no choice of parent (editing an agency whose parent the user cannot manage).
    ...(parent === undefined ? {} : { parentId: parent === '' ? null : parent }),
    name: text(body, 'name') ?? '',
    kind: text(body, 'kind') ?? '',
    creditCode: text(body, 'creditCode') ?? null,
    orgCode: text(body, 'orgCode') ?? null,
    site: Object.fromEntries(SITE_KEYS.map((k) => [k, text(body, `site.${k}`) ?? null])),
    guide: Object.fromEntries(GUIDE_KEYS.map((k) => [k, text(body, `guide.${k}`) ?? null])),
  } as CreateAgencyInput
}
