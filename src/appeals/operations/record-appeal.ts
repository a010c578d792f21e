// Record a 行政复议 or 行政诉讼 case against the agency's disclosure work: validate → policy → insert → audit,
// in one transaction. A case number is unique per agency and kind (a second entry is a conflict, not a copy).
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import type { Appeal } from '../appeal.ts'
import { authorizeAppeal } from '../appeal.policy.ts'
import {
  findAgencyPath,
  findAppealByCaseNumber,
  findApplicationAgency,
  insertAppeal,
  toAppeal,
} from '../appeal.queries.ts'
import { RecordAppealSchema } from '../appeal.schema.ts'
import type { RecordAppealInput } from '../appeal.schema.ts'
import { parseInput } from '../parse-input.ts'

export async function recordAppeal(
  db: DB,
  actor: Actor,
  input: RecordAppealInput,
  now = new Date(),
): Promise<Appeal> {
  const data = parseInput(RecordAppealSchema, input)
  return withTransaction(db, async (trx) => {
    const agencyPath = await findAgencyPath(trx, data.agencyId)
    if (agencyPath === undefined) throw new DomainError('not_found', '机构不存在')
    authorizeAppeal(actor, 'appeal.record', { agencyId: data.agencyId, agencyPath })
    const applicationId = data.applicationId ?? null
    if (applicationId !== null && (await findApplicationAgency(trx, applicationId)) !== data.agencyId) {
      throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', {
        applicationId: '本机关没有该政府信息公开申请',
      })
    }
    if (await findAppealByCaseNumber(trx, data.agencyId, data.kind, data.caseNumber)) {
      throw new DomainError('conflict', `案号${data.caseNumber}已登记`, { caseNumber: '该案号已登记' })
    }
    const at = isoNow(now)
    const row = await insertAppeal(trx, {
      agency_id: data.agencyId,
      kind: data.kind,
      case_number: data.caseNumber,
      filed_on: data.filedOn,
      application_id: applicationId,
      agency_role: data.agencyRole,
      outcome: data.outcome,
      concluded_on: data.concludedOn ?? null,
      note: data.note ?? null,
      created_by: actor.userId > 0 ? actor.userId : null,
      created_at: at,
      updated_at: at,
    })
    const appeal = toAppeal(row)
    await recordAudit(
      trx,
      actor,
      {
        action: 'appeal.record',
        targetType: 'appeal',
        targetId: appeal.id,
        agencyId: appeal.agencyId,
        after: appeal,
      },
      now,
    )
    return appeal
  })
}
