// 答复 (条例第三十六条至第三十九条): the answer type the officer picks IS the 表三 outcome row (outcomes.ts), and its
// legal basis is what the 答复书 cites.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import type { AnswerType } from '../outcomes.ts'
import { OUTCOME_MAPPINGS } from '../outcomes.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

const ANSWER_TYPES = Object.keys(OUTCOME_MAPPINGS).filter((k) => !k.startsWith('abandoned_')) as [
  AnswerType,
  ...AnswerType[],
]

export const AnswerApplicationSchema = z.object({
  ...caseStep,
  answerType: z.enum(ANSWER_TYPES, '请选择答复类型'),
})
export type AnswerApplicationInput = z.input<typeof AnswerApplicationSchema>

export async function answerApplication(
  db: DB,
  actor: Actor,
  input: AnswerApplicationInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(AnswerApplicationSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.answer',
    () => ({ type: 'answered', on: data.on, answerType: data.answerType }),
    options,
  )
}
