// 条例第三十五条: applications clearly beyond a reasonable range, reasons accepted, a reasonable later deadline set.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { IsoDateSchema } from '../application.schema.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep, text } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const SetArt35DelaySchema = z.object({
  ...caseStep,
  newDueDate: IsoDateSchema,
  reason: text('延迟答复理由', 500),
})
export type SetArt35DelayInput = z.input<typeof SetArt35DelaySchema>

export async function setArt35Delay(
  db: DB,
  actor: Actor,
  input: SetArt35DelayInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(SetArt35DelaySchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.set_art35_delay',
    () => ({ type: 'delay_set_art35', on: data.on, newDueDate: data.newDueDate, reason: data.reason }),
    options,
  )
}
