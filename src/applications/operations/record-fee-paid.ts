// The applicant paid the 信息处理费 (国办函〔2020〕109号).
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const RecordFeePaidSchema = z.object(caseStep)
export type RecordFeePaidInput = z.input<typeof RecordFeePaidSchema>

export async function recordFeePaid(
  db: DB,
  actor: Actor,
  input: RecordFeePaidInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(RecordFeePaidSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.record_fee_paid',
    () => ({ type: 'fee_paid', on: data.on }),
    options,
  )
}
