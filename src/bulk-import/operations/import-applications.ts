// `gongkai import applications`: 依申请公开 cases received on paper (or in an older system) registered in bulk
// through the staff intake path (`recordStaffApplication`: the same schema, receipt-date rules of 条例第三十一条,
// the case with its 收到/确认 events, an audit entry each). Rows are committed in batches with the same
// checkpoint as `import items`, so a re-run after a kill continues after the last committed batch; rejected
// rows go to FILE.rejected.jsonl with their line and reasons.
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs'
import type { Actor } from '../../accounts/index.ts'
import { recordStaffApplication, type StaffApplicationInput } from '../../applications/index.ts'
import { DomainError, isDomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import {
  advanceCheckpoint,
  findAgenciesByKey,
  findCheckpoint,
  insertCheckpoint,
  relaxCommitSync,
} from '../bulk-import.queries.ts'
import { formatOf, hashFile, openRecords, type InputRecord } from '../read-records.ts'
import type { ImportItemsResult, ImportProgress } from './import-items.ts'

export interface ImportApplicationsInput {
  readonly file: string
  readonly agency: string
  readonly batchSize?: number
  readonly onProgress?: (p: ImportProgress) => void
  readonly shouldStop?: () => boolean
}

const KIND = 'applications'

function refuse(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message })
}

/** Import a file of applications. @throws DomainError (not_found agency, invalid_input file) */
export async function importApplications(
  db: DB,
  actor: Actor,
  input: ImportApplicationsInput,
): Promise<ImportItemsResult> {
  const format = formatOf(input.file)
  if (format === null) throw refuse('只支持 .jsonl 和 .csv 文件', 'file')
  if (!existsSync(input.file)) throw refuse(`文件不存在：${input.file}`, 'file')
  const size = statSync(input.file).size
  const [agency, second] = await findAgenciesByKey(db, input.agency.trim())
  if (agency === undefined) throw new DomainError('not_found', `机构“${input.agency}”不存在`, { agency: '机构不存在' })
  if (second !== undefined) throw refuse(`有多个机构名为“${input.agency}”，请改用机构代码或编号`, 'agency')
  const agencyId = agency.id
  const sha256 = hashFile(input.file)
  const now = isoNow()
  const existing = await findCheckpoint(db, KIND, agency.id, sha256)
  const checkpoint =
    existing ??
    (await insertCheckpoint(db, {
      kind: KIND,
      agency_id: agency.id,
      file_sha256: sha256,
      file_name: input.file,
      next_offset: 0,
      next_line: 1,
      imported_rows: 0,
      rejected_rows: 0,
      rejected_bytes: 0,
      completed: 0,
      started_at: now,
      updated_at: now,
    }))
  const rejectedFile = `${input.file}.rejected.jsonl`
  const source = openRecords(input.file, format, size)
  const base = { resumed: existing !== undefined, encoding: source.encoding, rejectedFile }
  if (Number(checkpoint.completed) === 1) {
    source.close()
    return {
      ...base,
      imported: 0,
      rejected: 0,
      totalImported: Number(checkpoint.imported_rows),
      totalRejected: Number(checkpoint.rejected_rows),
      alreadyComplete: true,
      stopped: false,
    }
  }
  await relaxCommitSync(db)
  const rejectFd = openSync(rejectedFile, existsSync(rejectedFile) ? 'r+' : 'w+')
  ftruncateSync(rejectFd, Number(checkpoint.rejected_bytes))
  let rejectBytes = fstatSync(rejectFd).size
  let offset = Number(checkpoint.next_offset)
  let nextLine = Number(checkpoint.next_line)
  let totalImported = Number(checkpoint.imported_rows)
  let totalRejected = Number(checkpoint.rejected_rows)
  const resumedFrom = totalImported + totalRejected
  let imported = 0
  let rejected = 0
  let stopped = false
  const records = source.records(offset, format === 'csv' && offset === 0 ? 2 : nextLine)

  async function commitBatch(batch: InputRecord[], done: boolean): Promise<void> {
    const last = batch[batch.length - 1]
    const rejects: string[] = []
    let created = 0
    await withTransaction(db, async (trx) => {
      for (const record of batch) {
        if (record.fields === null) {
          rejects.push(JSON.stringify({ line: record.line, reasons: { _: record.error }, row: record.raw }))
          continue
        }
        try {
          // Validation happens before any write of the row, so a refused row leaves the batch's transaction intact.
          await recordStaffApplication(trx, actor, {
            ...(record.fields as StaffApplicationInput),
            agencyId,
          })
          created++
        } catch (err) {
          if (!isDomainError(err)) throw err
          const reasons = Object.keys(err.fields).length > 0 ? err.fields : { _: err.message }
          rejects.push(JSON.stringify({ line: record.line, reasons, row: record.fields }))
        }
      }
      if (rejects.length > 0) {
        const text = Buffer.from(`${rejects.join('\n')}\n`)
        writeSync(rejectFd, text, 0, text.length, rejectBytes)
        rejectBytes += text.length
      }
      const lineAfter = last === undefined ? nextLine : last.line + last.raw.split('\n').length
      await advanceCheckpoint(trx, checkpoint.id, {
        next_offset: last?.endOffset ?? offset,
        next_line: lineAfter,
        imported_rows: totalImported + created,
        rejected_rows: totalRejected + rejects.length,
        rejected_bytes: rejectBytes,
        completed: done ? 1 : 0,
        updated_at: isoNow(),
      })
      nextLine = lineAfter
    })
    imported += created
    rejected += rejects.length
    totalImported += created
    totalRejected += rejects.length
    offset = last?.endOffset ?? offset
    input.onProgress?.({ bytesDone: offset, bytesTotal: size, imported, rejected, resumedFrom })
  }

  try {
    let batch: InputRecord[] = []
    for (const record of records) {
      batch.push(record)
      if (batch.length >= (input.batchSize ?? 500)) {
        if (input.shouldStop?.() === true) {
          stopped = true
          break
        }
        await commitBatch(batch, false)
        batch = []
      }
    }
    if (!stopped) await commitBatch(batch, true)
  } finally {
    source.close()
    closeSync(rejectFd)
  }
  return { ...base, imported, rejected, totalImported, totalRejected, alreadyComplete: false, stopped }
}
