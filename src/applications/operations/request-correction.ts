// 补正告知 (条例第三十条): once, within 7 working days of receipt, listing everything to correct, with a
// reasonable period. The answer clock then waits for the corrected application.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep, text } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const RequestCorrectionSchema = z.object({
  ...caseStep,
  items: z
    .array(text('补正事项', 500), '请列明需要补正的事项')
    .min(1, '请列明需要补正的事项')
    .max(20, '补正事项不能超过20项'),
  periodWorkingDays: z.coerce
    .number('补正期限应为工作日数')
    .int('补正期限应为整数个工作日')
    .min(1, '补正期限至少1个工作日')
    .max(60, '补正期限不能超过60个工作日'),
})
export type RequestCorrectionInput = z.input<typeof RequestCorrectionSchema>

export async function requestCorrection(
  db: DB,
  actor: Actor,
  input: RequestCorrectionInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(RequestCorrectionSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.request_correction',
    () => ({
      type: 'correction_requested',
      on: data.on,
      correctionPeriodWorkingDays: data.periodWorkingDays,
      items: data.items,
    }),
    options,
  )
}
