// 征求意见: a third party (条例第三十二条) or another agency (条例第三十四条) is asked in writing; the time is not
// counted in the answer period (条例第三十三条第三款). The consulted party's 15 working days run from `deliveredOn`.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { IsoDateSchema } from '../application.schema.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const StartConsultationSchema = z.object({
  ...caseStep,
  party: z.enum(['third_party', 'other_agency'], '请选择征求意见的对象'),
  deliveredOn: IsoDateSchema.optional(),
})
export type StartConsultationInput = z.input<typeof StartConsultationSchema>

/** The change, with the id the answer must name (`c1`, `c2` … in order). */
export async function startConsultation(
  db: DB,
  actor: Actor,
  input: StartConsultationInput,
  options: OperationOptions = {},
): Promise<CaseChange & { consultationId: string }> {
  const data = parseInput(StartConsultationSchema, input)
  let consultationId = ''
  const change = await appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.start_consultation',
    (_row, events) => {
      consultationId = `c${events.filter((e) => e.type === 'consultation_started').length + 1}`
      return {
        type: 'consultation_started',
        on: data.on,
        id: consultationId,
        party: data.party,
        ...(data.deliveredOn === undefined ? {} : { deliveredOn: data.deliveredOn }),
      }
    },
    options,
  )
  return { ...change, consultationId }
}
