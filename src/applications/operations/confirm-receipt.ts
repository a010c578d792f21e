// 双方确认 of an online, fax or plain-post application (条例第三十一条第（二）（三）项): the receipt date, from which
// the clock runs. An unassigned case is taken by the confirming 依申请办理员.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { setCaseOfficer } from '../application.queries.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const ConfirmReceiptSchema = z.object(caseStep)
export type ConfirmReceiptInput = z.input<typeof ConfirmReceiptSchema>

export async function confirmReceipt(
  db: DB,
  actor: Actor,
  input: ConfirmReceiptInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(ConfirmReceiptSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.confirm_receipt',
    () => ({ type: 'confirmed', on: data.on }),
    options,
    async (trx, row) => {
      const takes =
        row.officer_id === null && actor.roles.includes('case_officer') && actor.agencyId === row.agency_id
      if (takes) await setCaseOfficer(trx, row.id, actor.userId)
    },
  )
}
