// The applicant did not correct in time (条例第三十条): treated as abandoned, 表三（六）1.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const MarkCorrectionExpiredSchema = z.object(caseStep)
export type MarkCorrectionExpiredInput = z.input<typeof MarkCorrectionExpiredSchema>

export async function markCorrectionExpired(
  db: DB,
  actor: Actor,
  input: MarkCorrectionExpiredInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(MarkCorrectionExpiredSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.mark_correction_expired',
    () => ({ type: 'correction_expired', on: data.on }),
    options,
  )
}
