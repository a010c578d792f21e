// The consulted party answered (or its 15 working days ran out and the office resumes): the clock runs again.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const RecordConsultationAnswerSchema = z.object({
  ...caseStep,
  consultationId: z.string('请选择征求意见记录').regex(/^c\d{1,3}$/, '征求意见记录无效'),
  objection: z.boolean('请说明是否提出异议'),
})
export type RecordConsultationAnswerInput = z.input<typeof RecordConsultationAnswerSchema>

export async function recordConsultationAnswer(
  db: DB,
  actor: Actor,
  input: RecordConsultationAnswerInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(RecordConsultationAnswerSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.record_consultation_answer',
    () => ({
      type: 'consultation_answered',
      on: data.on,
      id: data.consultationId,
      objection: data.objection,
    }),
    options,
  )
}
