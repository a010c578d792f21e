// 办结归档 of an answered or abandoned case.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const CloseCaseSchema = z.object(caseStep)
export type CloseCaseInput = z.input<typeof CloseCaseSchema>

export async function closeCase(
  db: DB,
  actor: Actor,
  input: CloseCaseInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(CloseCaseSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.close',
    () => ({ type: 'closed', on: data.on }),
    options,
  )
}
