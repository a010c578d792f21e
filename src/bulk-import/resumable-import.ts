// The resumable run shared by `import items` and `import applications`: the file and agency checks, the
// checkpoint per (kind, agency, file sha256), FILE.rejected.jsonl cut back to what the checkpoint has committed,
// then the records in batches. Each batch is one transaction holding the operation's own writes (`WriteBatch`:
// validation and inserts of its rows) and the checkpoint (the offset after the batch's last record), so a kill
// at any moment leaves whole batches only and the next run over the same file continues after the last
// committed batch, importing nothing twice.
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs'
import type { Transaction } from 'kysely'
import { DomainError } from '../shared/domain-error.ts'
import type { Database, DB } from '../storage/index.ts'
import { isoNow, withTransaction } from '../storage/index.ts'
import {
  advanceCheckpoint,
  findAgenciesByKey,
  findCheckpoint,
  insertCheckpoint,
  prepareBulkWriteConnection,
  type AgencyKeyRow,
} from './bulk-import.queries.ts'
import { formatOf, hashFile, openRecords, type InputRecord } from './read-records.ts'

/** What each import operation takes besides its own options. */
export interface ResumableImportInput {
  readonly file: string
  /** 统一社会信用代码, 组织机构代码, exact name or id. */
  readonly agency: string
  /** Rows per transaction (each operation has its default). */
  readonly batchSize?: number
  /** Called after each committed batch (progress display). */
  readonly onProgress?: (p: ImportProgress) => void
  /** Checked before each batch; when true the run stops after the last committed batch (Ctrl-C). */
  readonly shouldStop?: () => boolean
}

export interface ImportProgress {
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly imported: number
  readonly rejected: number
  /** Rows imported/rejected by earlier runs of the same file. */
  readonly resumedFrom: number
}

export interface ImportResult {
  readonly imported: number
  readonly rejected: number
  /** Total over every run of this file. */
  readonly totalImported: number
  readonly totalRejected: number
  readonly resumed: boolean
  readonly alreadyComplete: boolean
  readonly stopped: boolean
  readonly encoding: string
  readonly rejectedFile: string
}

/** Where a batch stands in its run, for the operation's audit entry. */
export interface BatchContext {
  /** The checkpoint row's id (the audit target of a bulk import). */
  readonly checkpointId: number
  readonly sha256: string
  /** The line just after the batch's last record. */
  readonly lineAfter: number
}

export interface BatchOutcome {
  /** Rows written. */
  readonly imported: number
  /** One JSON line per rejected row (`rejectLine`), in the order they go to FILE.rejected.jsonl. */
  readonly rejects: readonly string[]
}

/**
 * Validates and writes one batch inside its transaction. An unreadable record (`fields === null`) is the
 * operation's to reject too (`unreadableLine`), so FILE.rejected.jsonl keeps the order the operation chooses.
 */
export type WriteBatch = (
  trx: Transaction<Database>,
  batch: readonly InputRecord[],
  context: BatchContext,
) => Promise<BatchOutcome>

export interface ResumableImport {
  /** The checkpoint's kind: a file imported as items and as applications has two checkpoints. */
  readonly kind: 'items' | 'applications'
  readonly input: ResumableImportInput
  readonly defaultBatchSize: number
  /**
   * Called once the agency is found, before the checkpoint: the operation's own checks (authorization, the
   * agency's settings) and its batch writer.
   */
  readonly start: (agency: AgencyKeyRow) => Promise<WriteBatch>
}

/** A line of FILE.rejected.jsonl: the record's first line, why it was refused, and the row as read. */
export function rejectLine(line: number, reasons: Readonly<Record<string, unknown>>, row: unknown): string {
  return JSON.stringify({ line, reasons, row })
}

/** The line of FILE.rejected.jsonl for a record that could not be read (bad JSON or CSV). */
export function unreadableLine(record: InputRecord): string {
  return rejectLine(record.line, { _: record.error }, record.raw)
}

function refuse(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message })
}

/** Run (or resume) an import of `run.input.file`. @throws DomainError (not_found agency, invalid_input file) */
export async function runResumableImport(db: DB, run: ResumableImport): Promise<ImportResult> {
  const { input, kind } = run
  const format = formatOf(input.file)
  if (format === null) throw refuse('只支持 .jsonl 和 .csv 文件', 'file')
  if (!existsSync(input.file)) throw refuse(`文件不存在：${input.file}`, 'file')
  const size = statSync(input.file).size
  const [agency, second] = await findAgenciesByKey(db, input.agency.trim())
  if (agency === undefined) {
    throw new DomainError('not_found', `机构“${input.agency}”不存在`, { agency: '机构不存在' })
  }
  if (second !== undefined) throw refuse(`有多个机构名为“${input.agency}”，请改用机构代码或编号`, 'agency')
  const writeBatch = await run.start(agency)

  const sha256 = hashFile(input.file)
  const now = isoNow()
  const existing = await findCheckpoint(db, kind, agency.id, sha256)
  const checkpoint =
    existing ??
    (await insertCheckpoint(db, {
      kind,
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
  await prepareBulkWriteConnection(db)
  // Rejections written after the last commit belong to a batch that never committed: cut them off.
  const rejectFd = openSync(rejectedFile, existsSync(rejectedFile) ? 'r+' : 'w+')
  ftruncateSync(rejectFd, Number(checkpoint.rejected_bytes))
  let rejectBytes = fstatSync(rejectFd).size

  const batchSize = input.batchSize ?? run.defaultBatchSize
  let offset = Number(checkpoint.next_offset)
  let nextLine = Number(checkpoint.next_line)
  let totalImported = Number(checkpoint.imported_rows)
  let totalRejected = Number(checkpoint.rejected_rows)
  const resumedFrom = totalImported + totalRejected
  let imported = 0
  let rejected = 0
  let stopped = false
  // A CSV file read from the top starts its records after the header line.
  const records = source.records(offset, format === 'csv' && offset === 0 ? 2 : nextLine)

  async function commitBatch(batch: readonly InputRecord[], done: boolean): Promise<void> {
    const last = batch[batch.length - 1]
    const lineAfter = last === undefined ? nextLine : last.line + last.raw.split('\n').length
    const outcome = await withTransaction(db, async (trx) => {
      const written = await writeBatch(trx, batch, { checkpointId: checkpoint.id, sha256, lineAfter })
      // Written before the commit, at the committed length: a batch that does not commit is cut off next run.
      if (written.rejects.length > 0) {
        const text = Buffer.from(`${written.rejects.join('\n')}\n`)
        writeSync(rejectFd, text, 0, text.length, rejectBytes)
        rejectBytes += text.length
      }
      await advanceCheckpoint(trx, checkpoint.id, {
        next_offset: last?.endOffset ?? offset,
        next_line: lineAfter,
        imported_rows: totalImported + written.imported,
        rejected_rows: totalRejected + written.rejects.length,
        rejected_bytes: rejectBytes,
        completed: done ? 1 : 0,
        updated_at: isoNow(),
      })
      return written
    })
    imported += outcome.imported
    rejected += outcome.rejects.length
    totalImported += outcome.imported
    totalRejected += outcome.rejects.length
    offset = last?.endOffset ?? offset
    nextLine = lineAfter
    input.onProgress?.({ bytesDone: offset, bytesTotal: size, imported, rejected, resumedFrom })
  }

  try {
    let batch: InputRecord[] = []
    for (const record of records) {
      batch.push(record)
      if (batch.length >= batchSize) {
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
