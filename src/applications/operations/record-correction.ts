// 收到补正后的申请 (条例第三十条): the answer period starts again from this day.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const RecordCorrectionSchema = z.object(caseStep)
export type RecordCorrectionInput = z.input<typeof RecordCorrectionSchema>

export async function recordCorrection(
  db: DB,
  actor: Actor,
  input: RecordCorrectionInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(RecordCorrectionSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.record_correction',
    () => ({ type: 'correction_received', on: data.on }),
    options,
  )
}
