// No payment within 20 working days of the fee notice (国办函〔2020〕109号): abandoned, 表三（六）2.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const MarkFeeDeadlineMissedSchema = z.object(caseStep)
export type MarkFeeDeadlineMissedInput = z.input<typeof MarkFeeDeadlineMissedSchema>

export async function markFeeDeadlineMissed(
  db: DB,
  actor: Actor,
  input: MarkFeeDeadlineMissedInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(MarkFeeDeadlineMissedSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.mark_fee_deadline_missed',
    () => ({ type: 'fee_deadline_missed', on: data.on }),
    options,
  )
}
