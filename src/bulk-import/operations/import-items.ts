// `gongkai import items`: a JSONL or CSV file of catalogue items becomes published items of one agency.
// Every row is checked with the console's create rules (item-row.ts); rejected rows go to FILE.rejected.jsonl
// with their line number and reasons. Rows are written in batches (resumable-import.ts), each one transaction
// holding the items, their search documents, one audit entry and the checkpoint, so a re-run after a kill
// continues after the last committed batch and nothing is imported twice.
import type { Transaction } from 'kysely'
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
import { beginWideMerging, endWideMerging, indexDocuments, type SearchDocument } from '../../search/index.ts'
import { sanitizeBodyHtml } from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { Database, DB } from '../../storage/index.ts'
import { isoNow } from '../../storage/index.ts'
import {
  allocateSerialRange,
  insertItemRows,
  listColumnKeys,
  takenIndexNumbers,
  type AgencyKeyRow,
  type NewItemRow,
} from '../bulk-import.queries.ts'
import { checkItemRow, type ValidItemRow } from '../item-row.ts'
import type { InputRecord } from '../read-records.ts'
import {
  rejectLine,
  runResumableImport,
  unreadableLine,
  type ImportResult,
  type ResumableImportInput,
  type WriteBatch,
} from '../resumable-import.ts'

export type { ImportProgress } from '../resumable-import.ts'
/** What an import run did (both kinds of import). */
export type ImportItemsResult = ImportResult

export interface ImportItemsInput extends ResumableImportInput {
  /** Column slug or name for rows without their own. */
  readonly column?: string | null
}

interface Pending {
  readonly record: InputRecord
  readonly row: ValidItemRow
  readonly columnId: number
}

/** What every batch of one run writes with: the agency, its 索引号 scheme, topics and columns. */
interface ItemsTarget {
  readonly actor: Actor
  readonly file: string
  readonly agency: AgencyKeyRow
  readonly scheme: ReturnType<typeof parseIndexPattern>
  readonly topics: Awaited<ReturnType<typeof getCatalogueSettings>>['topics']
  readonly columnIds: ReadonlyMap<string, number>
  readonly defaultColumn: string | null
}

/** Import a file of items. @throws DomainError (not_found agency, invalid_input file, forbidden) */
export async function importItems(db: DB, actor: Actor, input: ImportItemsInput): Promise<ImportItemsResult> {
  let widened = false
  try {
    return await runResumableImport(db, {
      kind: 'items',
      input,
      defaultBatchSize: 1000,
      start: async (agency) => {
        const write = writeItems(await itemsTarget(db, actor, agency, input))
        await beginWideMerging(db)
        widened = true
        return write
      },
    })
  } finally {
    if (widened) await endWideMerging(db)
  }
}

async function itemsTarget(
  db: DB,
  actor: Actor,
  agency: AgencyKeyRow,
  input: ImportItemsInput,
): Promise<ItemsTarget> {
  authorizeCatalogue(actor, 'catalogue.item.import', { agencyId: agency.id, agencyPath: agency.path })
  const settings = await getCatalogueSettings(db, agency.id)
  const scheme = parseIndexPattern(settings.indexPattern)
  const columnIds = new Map<string, number>()
  const byName = new Map<string, number[]>()
  for (const c of await listColumnKeys(db, agency.id)) {
    columnIds.set(c.slug, c.id)
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.id])
  }
  for (const [name, ids] of byName) {
    if (!columnIds.has(name) && ids.length === 1) columnIds.set(name, ids[0] as number)
  }
  const defaultColumn = input.column?.trim() || null
  if (defaultColumn !== null && !columnIds.has(defaultColumn)) {
    throw new DomainError('not_found', `${agency.name}没有栏目“${defaultColumn}”`, { column: '栏目不存在' })
  }
  return { actor, file: input.file, agency, scheme, topics: settings.topics, columnIds, defaultColumn }
}

/** A row that passed the checks, with its 索引号 (null until the scheme assigns one). */
interface Kept {
  readonly p: Pending
  indexNumber: string | null
}

function writeItems(target: ItemsTarget): WriteBatch {
  return async (trx, batch, { checkpointId, sha256, lineAfter }) => {
    const { valid, rejects } = checkRows(target, batch)
    const keep = await assignIndexNumbers(trx, target, valid, rejects)
    const stamp = isoNow()
    const rows = keep.map((k) => toItemRow(target, k, stamp))
    const ids = await insertItemRows(trx, rows)
    const docs: SearchDocument[] = rows.map((r) => ({
      id: ids.get(r.index_number as string) as number,
      agencyId: target.agency.id,
      columnId: r.column_id,
      year: Number(r.published_on?.slice(0, 4)),
      title: r.title,
      docNumber: r.doc_number ?? '',
      indexNumber: r.index_number as string,
      body: r.body_text,
      publishedAt: r.published_at as string,
    }))
    if (docs.length > 0) await indexDocuments(trx, docs)
    if (rows.length > 0) {
      const idList = [...ids.values()]
      await recordAudit(trx, target.actor, {
        action: 'catalogue.item.bulk_import',
        targetType: 'bulk_import',
        targetId: checkpointId,
        agencyId: target.agency.id,
        before: null,
        after: {
          file: target.file,
          sha256,
          lines: [batch[0]?.line, lineAfter - 1],
          items: rows.length,
          firstItemId: Math.min(...idList),
          lastItemId: Math.max(...idList),
        },
      })
    }
    return { imported: rows.length, rejects }
  }
}

/** The console's create rules on each record; the refused ones become lines of FILE.rejected.jsonl. */
function checkRows(
  target: ItemsTarget,
  batch: readonly InputRecord[],
): { valid: Pending[]; rejects: string[] } {
  const { columnIds, defaultColumn, topics } = target
  const valid: Pending[] = []
  const rejects: string[] = []
  for (const record of batch) {
    if (record.fields === null) {
      rejects.push(unreadableLine(record))
      continue
    }
    const check = checkItemRow(record.fields, { columnIds, defaultColumn, topics })
    if (check.ok) {
      valid.push({ record, row: check.row, columnId: columnIds.get(check.row.columnKey) as number })
    } else rejects.push(rejectLine(record.line, check.reasons, record.fields))
  }
  return { valid, rejects }
}

/** Every kept row with its 索引号; a row whose given 索引号 is taken is added to `rejects` instead. */
async function assignIndexNumbers(
  trx: Transaction<Database>,
  { agency, scheme }: ItemsTarget,
  valid: readonly Pending[],
  rejects: string[],
): Promise<Kept[]> {
  // 索引号 given: unique in the file and the database, else the row is rejected.
  const given = valid.filter((p) => p.row.indexNumber !== null).map((p) => p.row.indexNumber as string)
  const taken = await takenIndexNumbers(trx, given)
  const seen = new Set<string>()
  const keep: Kept[] = []
  for (const p of valid) {
    const n = p.row.indexNumber
    if (n !== null && (taken.has(n) || seen.has(n))) {
      rejects.push(
        rejectLine(p.record.line, { indexNumber: `索引号 ${n} 已存在（不覆盖已有信息）` }, p.record.fields),
      )
      continue
    }
    if (n !== null) seen.add(n)
    keep.push({ p, indexNumber: n })
  }
  // 索引号 missing: the agency's scheme, serials reserved by range per period; a number already used (by an
  // earlier import) is skipped, as when publishing one item.
  const byPeriod = new Map<string, Kept[]>()
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
      const next: Kept[] = []
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
  return keep
}

function toItemRow({ agency }: ItemsTarget, { p, indexNumber }: Kept, stamp: string): NewItemRow {
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
}
