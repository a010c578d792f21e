// 承办人: assign (or reassign, or release) a case to a 依申请办理员 of the case's own agency. Handlers of the case
// (its agency's officers and the administrators above) may do it; the change is audited with before and after.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { isOfficerOf, setCaseOfficer } from '../application.queries.ts'
import { parseInput } from '../parse-input.ts'
import { loadCaseToHandle } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const AssignOfficerSchema = z.object({
  applicationId: caseStep.applicationId,
  /** null releases the case (no officer). */
  officerId: z.coerce.number('请选择承办人').int('请选择承办人').positive('请选择承办人').nullable(),
})
export type AssignOfficerInput = z.input<typeof AssignOfficerSchema>

export async function assignOfficer(
  db: DB,
  actor: Actor,
  input: AssignOfficerInput,
  options: OperationOptions = {},
): Promise<{ applicationId: number; officerId: number | null }> {
  const data = parseInput(AssignOfficerSchema, input)
  return withTransaction(db, async (trx) => {
    const row = await loadCaseToHandle(trx, actor, data.applicationId)
    if (data.officerId !== null && !(await isOfficerOf(trx, data.officerId, row.agency_id))) {
      throw new DomainError('invalid_input', '承办人须为本机关在职的依申请办理员', {
        officerId: '承办人须为本机关在职的依申请办理员',
      })
    }
    if (data.officerId === row.officer_id) return { applicationId: row.id, officerId: row.officer_id }
    await setCaseOfficer(trx, row.id, data.officerId)
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.assign_officer',
        targetType: 'application',
        targetId: row.id,
        agencyId: row.agency_id,
        before: { officerId: row.officer_id },
        after: { officerId: data.officerId },
      },
      options.now,
    )
    return { applicationId: row.id, officerId: data.officerId }
  })
}
