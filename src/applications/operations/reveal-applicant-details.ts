// The applicant's full ID number and contact details, for the case's officer and the administrators above it
// only; every full view is recorded in the audit log (which fields, never the values).
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import type { Applicant } from '../applicant.ts'
import { authorizeApplication, caseTarget, mayRevealApplicant } from '../application.policy.ts'
import { findApplicant, findCaseRow } from '../application.queries.ts'
import type { OperationOptions } from './operation-options.ts'

export async function revealApplicantDetails(
  db: DB,
  actor: Actor,
  applicationId: number,
  options: OperationOptions = {},
): Promise<Applicant> {
  return withTransaction(db, async (trx) => {
    const row = await findCaseRow(trx, applicationId)
    if (!row) throw new DomainError('not_found', '申请不存在')
    const target = caseTarget({ agencyId: row.agency_id, agencyPath: row.agency_path })
    authorizeApplication(actor, 'application.view', target)
    if (!mayRevealApplicant(actor, target, row.officer_id)) {
      throw new DomainError('forbidden', '只有本案承办人及机构管理员可以查看申请人的完整信息')
    }
    const applicant = await findApplicant(trx, row.id)
    if (!applicant) throw new DomainError('not_found', '申请人信息不存在')
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.reveal_applicant',
        targetType: 'application',
        targetId: row.id,
        agencyId: row.agency_id,
        after: { revealed: ['idNumber', 'phone', 'email', 'address', 'postcode'] },
      },
      options.now,
    )
    return applicant
  })
}
