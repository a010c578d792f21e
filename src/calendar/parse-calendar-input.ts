// Turning calendar operation input into typed values, or into a DomainError with one Chinese message per field.
import type { z } from 'zod'
import { DomainError } from '../shared/domain-error.ts'

/** Parse `input` with `schema`. @throws DomainError('invalid_input') with field → message. */
export function parseCalendarInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.message
  }
  throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', fields)
}
