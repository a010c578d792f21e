// A frozen letter's bytes for the console (as sent; never regenerated).
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { authorizeApplication, caseTarget } from '../application.policy.ts'
import { findCaseRow } from '../application.queries.ts'
import { findLetter } from '../letter.queries.ts'

export async function getLetterFile(
  db: DB,
  actor: Actor,
  letterId: number,
  format: 'pdf' | 'docx',
): Promise<{ fileName: string; mediaType: string; bytes: Buffer; number: string }> {
  const letter = await findLetter(db, letterId)
  if (!letter) throw new DomainError('not_found', '文书不存在')
  const row = await findCaseRow(db, letter.application_id)
  if (!row) throw new DomainError('not_found', '申请不存在')
  authorizeApplication(
    actor,
    'application.view',
    caseTarget({ agencyId: row.agency_id, agencyPath: row.agency_path }),
  )
  const pdf = format === 'pdf'
  return {
    fileName: `${letter.number}${pdf ? '.pdf' : '.docx'}`,
    mediaType: pdf
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: pdf ? letter.pdf : letter.docx,
    number: letter.number,
  }
}
