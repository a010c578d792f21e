/**
 * Errors that domain operations raise. Each carries a typed code that the web edge maps to an HTTP status
 * (STYLE.md §5.1.5) and the CLI maps to an exit status; the message is safe to show to the user.
 */
export type DomainErrorCode =
  | 'invalid_input' // 400/422: the input breaks a rule; nothing was written
  | 'unauthenticated' // 401: no valid session
  | 'forbidden' // 403: the actor may not do this
  | 'not_found' // 404
  | 'conflict' // 409: duplicate or stale state
  | 'locked' // 423/429: too many attempts, try later
  | 'unavailable' // 503: a dependency (e.g. the calendar for a year) is missing

export class DomainError extends Error {
  readonly code: DomainErrorCode
  /** Field-level messages for forms (field name → Chinese message). */
  readonly fields: Readonly<Record<string, string>>

  constructor(code: DomainErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.fields = fields
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError
}
