// `gongkai import items`: a JSONL or CSV file of catalogue items becomes published items of one agency.
// Every row is checked with the console's create rules (item-row.ts); rejected rows go to FILE.rejected.jsonl
// with their line number and reasons. Rows are written in batches, each one transaction holding the items,
// their search documents, one audit entry and the checkpoint (the offset after the batch's last record): a kill
// at any moment leaves whole batches only, and the next run over the same file (same sha256) continues after
// the last committed batch, so nothing is imported twice.
import { closeSync, ftruncateSync, openSync, writeSync, existsSync, fstatSync } from 'node:fs'
import { statSync } from 'node:fs'
import { recordAudit, type Actor } from '../../accounts/index.ts'
import {
  authorizeCatalogue,
  bodyPlainText,
  chinaDayStart,
  formatIndexNumber,
  getCatalogueSettings,
  indexPeriod,
  parseIndexPattern,
} from '../../catalogue/index.ts'
import { indexDocuments, type SearchDocument } from '../../search/index.ts'
import { sanitizeBodyHtml } from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import {
  advanceCheckpoint,
  allocateSerialRange,
  findAgenciesByKey,
  findCheckpoint,
  insertCheckpoint,
  insertItemRows,
  listColumnKeys,
  relaxCommitSync,
  takenIndexNumbers,
  type NewItemRow,
} from '../bulk-import.queries.ts'
import { checkItemRow, type ValidItemRow } from '../item-row.ts'
import { formatOf, hashFile, openRecords, type InputRecord } from '../read-records.ts'

export interface ImportItemsInput {
  readonly file: string
  /** 统一社会信用代码, 组织机构代码, exact name or id. */
  readonly agency: string
  /** Column slug or name for rows without their own. */
  readonly column?: string | null
  /** Rows per transaction (default 1000). */
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

export interface ImportItemsResult {
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

const KIND = 'items'

function refuse(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message })
}

interface Pending {
  readonly record: InputRecord
  readonly row: ValidItemRow
  readonly columnId: number
}

/** Import a file of items. @throws DomainError (not_found agency, invalid_input file, forbidden) */
export async function importItems(db: DB, actor: Actor, input: ImportItemsInput): Promise<ImportItemsResult> {
  const format = formatOf(input.file)
  if (format === null) throw refuse('只支持 .jsonl 和 .csv 文件', 'file')
  if (!existsSync(input.file)) throw refuse(`文件不存在：${input.file}`, 'file')
  const size = statSync(input.file).size
  const [found, second] = await findAgenciesByKey(db, input.agency.trim())
  if (found === undefined)
    {throw new DomainError('not_found', `机构“${input.agency}”不存在`, { agency: '机构不存在' })}
  if (second !== undefined) throw refuse(`有多个机构名为“${input.agency}”，请改用机构代码或编号`, 'agency')
  const agency = found
  authorizeCatalogue(actor, 'catalogue.item.import', { agencyId: agency.id, agencyPath: agency.path })
  const settings = await getCatalogueSettings(db, agency.id)
  const scheme = parseIndexPattern(settings.indexPattern)
  const columnIds = new Map<string, number>()
  const byName = new Map<string, number[]>()
  for (const c of await listColumnKeys(db, agency.id)) {
    columnIds.set(c.slug, c.id)
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.id])
  }
  for (const [name, ids] of byName)
    {if (!columnIds.has(name) && ids.length === 1) columnIds.set(name, ids[0] as number)}
  const defaultColumn = input.column?.trim() || null
  if (defaultColumn !== null && !columnIds.has(defaultColumn)) {
    throw new DomainError('not_found', `${agency.name}没有栏目“${defaultColumn}”`, { column: '栏目不存在' })
  }

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
  const base = {
    resumed: existing !== undefined,
    encoding: source.encoding,
    rejectedFile,
    totalImported: Number(checkpoint.imported_rows),
    totalRejected: Number(checkpoint.rejected_rows),
  }
  if (Number(checkpoint.completed) === 1) {
    source.close()
    return { ...base, imported: 0, rejected: 0, alreadyComplete: true, stopped: false }
  }
  // Rejections written after the last commit belong to a batch that never committed: cut them off.
  await relaxCommitSync(db)
  const rejectFd = openSync(rejectedFile, existsSync(rejectedFile) ? 'r+' : 'w+')
  ftruncateSync(rejectFd, Number(checkpoint.rejected_bytes))
  let rejectBytes = fstatSync(rejectFd).size

  const batchSize = input.batchSize ?? 1000
  let offset = Number(checkpoint.next_offset)
  let nextLine = Number(checkpoint.next_line)
  let totalImported = Number(checkpoint.imported_rows)
  let totalRejected = Number(checkpoint.rejected_rows)
  const resumedFrom = totalImported + totalRejected
  let imported = 0
  let rejected = 0
  let stopped = false

  const firstLine = format === 'csv' && offset === 0 ? 2 : nextLine
  const records = source.records(offset, firstLine)

  async function commitBatch(batch: InputRecord[], done: boolean): Promise<void> {
    const valid: Pending[] = []
    const rejects: string[] = []
    for (const record of batch) {
      if (record.fields === null) {
        rejects.push(JSON.stringify({ line: record.line, reasons: { _: record.error }, row: record.raw }))
        continue
      }
      const check = checkItemRow(record.fields, { columnIds, defaultColumn, topics: settings.topics })
      if (check.ok)
        {valid.push({ record, row: check.row, columnId: columnIds.get(check.row.columnKey) as number })}
      else rejects.push(JSON.stringify({ line: record.line, reasons: check.reasons, row: record.fields }))
    }
    const last = batch[batch.length - 1]
    await withTransaction(db, async (trx) => {
      // 索引号 given: unique in the file and the database, else the row is rejected.
      const given = valid.filter((p) => p.row.indexNumber !== null).map((p) => p.row.indexNumber as string)
      const taken = await takenIndexNumbers(trx, given)
      const seen = new Set<string>()
      const keep: { p: Pending; indexNumber: string | null }[] = []
      for (const p of valid) {
        const n = p.row.indexNumber
        if (n !== null && (taken.has(n) || seen.has(n))) {
          rejects.push(
            JSON.stringify({
              line: p.record.line,
              reasons: { indexNumber: `索引号 ${n} 已存在（不覆盖已有信息）` },
              row: p.record.fields,
            }),
          )
          continue
        }
        if (n !== null) seen.add(n)
        keep.push({ p, indexNumber: n })
      }
      // 索引号 missing: the agency's scheme, serials reserved by range per period; a number already used (by an
      // earlier import) is skipped, as when publishing one item.
      const byPeriod = new Map<string, typeof keep>()
      for (const k of keep) {
        if (k.indexNumber !== null) continue
        const period = indexPeriod(scheme, k.p.row.publishedOn)
        byPeriod.set(period, [...(byPeriod.get(period) ?? []), k])
      }
      for (const [period, group] of byPeriod) {
        let pending = group
        while (pending.length > 0) {
          const first = await allocateSerialRange(trx, agency.id, period, pending.length)
          const candidates = pending.map((k, i) =>
            formatIndexNumber(scheme, { codes: agency, publishedOn: k.p.row.publishedOn, serial: first + i }),
          )
          const clash = await takenIndexNumbers(trx, candidates)
          const next: typeof keep = []
          pending.forEach((k, i) => {
            const candidate = candidates[i] as string
            if (clash.has(candidate) || seen.has(candidate)) next.push(k)
            else {
              k.indexNumber = candidate
              seen.add(candidate)
            }
          })
          pending = next
        }
      }
      const stamp = isoNow()
      const rows: NewItemRow[] = keep.map(({ p, indexNumber }) => {
        const bodyHtml = sanitizeBodyHtml(p.row.bodyHtml)
        return {
          agency_id: agency.id,
          column_id: p.columnId,
          status: 'published',
          index_number: indexNumber,
          title: p.row.title,
          topic_code: p.row.topicCode,
          publisher_name: p.row.publisherName ?? agency.name,
          written_on: p.row.writtenOn,
          published_on: p.row.publishedOn,
          doc_number: p.row.docNumber,
          validity: p.row.validity,
          effective_on: p.row.effectiveOn,
          repealed_on: p.row.repealedOn,
          keywords: p.row.keywords.join(' '),
          summary: p.row.summary,
          body_html: bodyHtml,
          body_text: bodyPlainText(bodyHtml),
          item_type: p.row.itemType,
          made_on: p.row.madeOn,
          published_on_time: null,
          view_count: 0,
          published_at: chinaDayStart(p.row.publishedOn),
          created_by: null,
          created_at: stamp,
          updated_at: stamp,
        }
      })
      const ids = await insertItemRows(trx, rows)
      const docs: SearchDocument[] = rows.map((r) => ({
        id: ids.get(r.index_number as string) as number,
        agencyId: agency.id,
        columnId: r.column_id,
        year: Number(r.published_on?.slice(0, 4)),
        title: r.title,
        docNumber: r.doc_number ?? '',
        indexNumber: r.index_number as string,
        body: r.body_text,
        publishedAt: r.published_at as string,
      }))
      if (docs.length > 0) await indexDocuments(trx, docs)
      if (rejects.length > 0) {
        const text = Buffer.from(`${rejects.join('\n')}\n`)
        writeSync(rejectFd, text, 0, text.length, rejectBytes)
        rejectBytes += text.length
      }
      const lineAfter = last === undefined ? nextLine : last.line + last.raw.split('\n').length
      if (rows.length > 0) {
        const idList = [...ids.values()]
        await recordAudit(trx, actor, {
          action: 'catalogue.item.bulk_import',
          targetType: 'bulk_import',
          targetId: checkpoint.id,
          agencyId: agency.id,
          before: null,
          after: {
            file: input.file,
            sha256,
            lines: [batch[0]?.line, lineAfter - 1],
            items: rows.length,
            firstItemId: Math.min(...idList),
            lastItemId: Math.max(...idList),
          },
        })
      }
      await advanceCheckpoint(trx, checkpoint.id, {
        next_offset: last?.endOffset ?? offset,
        next_line: lineAfter,
        imported_rows: totalImported + rows.length,
        rejected_rows: totalRejected + rejects.length,
        rejected_bytes: rejectBytes,
        completed: done ? 1 : 0,
        updated_at: stamp,
      })
      imported += rows.length
      rejected += rejects.length
      totalImported += rows.length
      totalRejected += rejects.length
      offset = last?.endOffset ?? offset
      nextLine = lineAfter
    })
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
