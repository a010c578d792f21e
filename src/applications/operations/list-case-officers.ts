// The 依申请办理员 a case of `agencyId` may be assigned to, for the assignment form (handlers only).
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { authorizeApplication, caseTarget } from '../application.policy.ts'
import { findCaseRow, listOfficersOf } from '../application.queries.ts'

export async function listCaseOfficers(
  db: DB,
  actor: Actor,
  applicationId: number,
): Promise<{ id: number; displayName: string }[]> {
  const row = await findCaseRow(db, applicationId)
  if (!row) throw new DomainError('not_found', '申请不存在')
  authorizeApplication(
    actor,
    'application.handle',
    caseTarget({ agencyId: row.agency_id, agencyPath: row.agency_path }),
  )
  return listOfficersOf(db, row.agency_id)
}
