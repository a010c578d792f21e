// `gongkai import applications`: 依申请公开 cases received on paper (or in an older system) registered in bulk
// through the staff intake path (`recordStaffApplication`: the same schema, receipt-date rules of 条例第三十一条,
// the case with its 收到/确认 events, an audit entry each). Rows are committed in batches with the same
// checkpoint as `import items` (resumable-import.ts), so a re-run after a kill continues after the last
// committed batch; rejected rows go to FILE.rejected.jsonl with their line and reasons.
import type { Actor } from '../../accounts/index.ts'
import { recordStaffApplication, type StaffApplicationInput } from '../../applications/index.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import {
  rejectLine,
  runResumableImport,
  unreadableLine,
  type ImportResult,
  type ResumableImportInput,
  type WriteBatch,
} from '../resumable-import.ts'

export type ImportApplicationsInput = ResumableImportInput

/** Import a file of applications. @throws DomainError (not_found agency, invalid_input file) */
export async function importApplications(
  db: DB,
  actor: Actor,
  input: ImportApplicationsInput,
): Promise<ImportResult> {
  return runResumableImport(db, {
    kind: 'applications',
    input,
    defaultBatchSize: 500,
    start: (agency) => Promise.resolve(writeApplications(actor, agency.id)),
  })
}

function writeApplications(actor: Actor, agencyId: number): WriteBatch {
  return async (trx, batch) => {
    const rejects: string[] = []
    let created = 0
    for (const record of batch) {
      if (record.fields === null) {
        rejects.push(unreadableLine(record))
        continue
      }
      try {
        // Validation happens before any write of the row, so a refused row leaves the batch's transaction intact.
        await recordStaffApplication(trx, actor, { ...(record.fields as StaffApplicationInput), agencyId })
        created++
      } catch (err) {
        if (!isDomainError(err)) throw err
        const reasons = Object.keys(err.fields).length > 0 ? err.fields : { _: err.message }
        rejects.push(rejectLine(record.line, reasons, record.fields))
      }
    }
    return { imported: created, rejects }
  }
}
