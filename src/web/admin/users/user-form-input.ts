// Submitted user forms → the inputs of the accounts operations (which validate them).
import { isRole, type Role } from '../../../accounts/index.ts'

type FormBody = Readonly<Record<string, unknown>>

/** Checked role boxes: one value arrives as a string, several as an array; unknown values are dropped. */
export function rolesFromForm(body: FormBody): Role[] {
  const raw = body.roles
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return values.filter((v): v is Role => typeof v === 'string' && isRole(v))
}

export function textFromForm(body: FormBody, key: string): string {
  const value = body[key]
  return typeof value === 'string' ? value : ''
}

/**
 * The roles after an edit: the boxes the actor could tick decide the roles it may grant; roles it may not
 * grant (shown as text, not as boxes) stay as they were.
 */
export function mergeRoles(
  submitted: readonly Role[],
  before: readonly Role[],
  assignable: readonly Role[],
): Role[] {
  const kept = before.filter((r) => !assignable.includes(r))
  return [...kept, ...submitted.filter((r) => assignable.includes(r))]
}
