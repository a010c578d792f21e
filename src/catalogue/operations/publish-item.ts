// The publication step shared by `approveItem` (publish now) and `publishDueScheduled`: claim the item,
// give it its 索引号 (serial allocated in this transaction), stamp 发布日期 and whether the 20-working-day
// rule was met, and put it in the search index. Not an entry point: callers authorise and audit.
import type { DB } from '../../storage/index.ts'
import { isoNow } from '../../storage/index.ts'
import type { AgencyRef } from '../agency-ref.queries.ts'
import { formatIndexNumber, indexPeriod, parseIndexPattern } from '../index-number.ts'
import type { Item } from '../item.ts'
import { chinaDateOf } from '../item.ts'
import { findItem, updateItemIfStatus } from '../item.queries.ts'
import { isPublishedOnTime } from '../publication-deadline.ts'
import { indexPublishedItem } from '../search-sync.ts'
import { allocateSerial, indexNumberExists } from '../settings.queries.ts'
import { TRANSITIONS } from '../status.ts'
import { getCatalogueSettings } from './get-catalogue-settings.ts'
import { staleItem } from './item-context.ts'

// Imported items may already hold numbers of the same shape; skip those rather than fail (bounded).
const MAX_SKIPPED_NUMBERS = 10_000

/** A new 索引号 under the agency's scheme for an item published on `publishedOn` (skips numbers already taken). */
export async function newIndexNumber(db: DB, agency: AgencyRef, publishedOn: string): Promise<string> {
  const scheme = parseIndexPattern((await getCatalogueSettings(db, agency.id)).indexPattern)
  const period = indexPeriod(scheme, publishedOn)
  for (let attempt = 0; attempt < MAX_SKIPPED_NUMBERS; attempt++) {
    const serial = await allocateSerial(db, agency.id, period)
    const candidate = formatIndexNumber(scheme, { codes: agency, publishedOn, serial })
    if (!(await indexNumberExists(db, candidate))) return candidate
  }
  throw new Error(`no free index number for agency ${agency.id} in ${period}`)
}

export async function publishItem(
  db: DB,
  args: {
    readonly item: Item
    readonly agency: AgencyRef
    readonly transition: 'approve_now' | 'publish_scheduled'
    readonly reviewerId?: number | null
    readonly now: Date
  },
): Promise<Item> {
  const nowIso = isoNow(args.now)
  const { to, from } = TRANSITIONS[args.transition]
  // Claim first: of two concurrent publishers only one moves the row; the other stops before using a serial.
  const claimed = await updateItemIfStatus(db, args.item.id, from, { status: to, updated_at: nowIso })
  if (!claimed) throw staleItem()
  const publishedOn = chinaDateOf(nowIso)
  const indexNumber = claimed.indexNumber ?? (await newIndexNumber(db, args.agency, publishedOn))
  await db
    .updateTable('catalogue_items')
    .set({
      index_number: indexNumber,
      published_at: nowIso,
      published_on: publishedOn,
      published_on_time: toFlag(isPublishedOnTime(claimed.madeOn, publishedOn)),
      scheduled_at: null,
      ...(args.reviewerId === undefined ? {} : { reviewed_by: args.reviewerId }),
    })
    .where('id', '=', claimed.id)
    .execute()
  const published = await findItem(db, claimed.id)
  if (!published) throw staleItem()
  await indexPublishedItem(db, published)
  return published
}

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0
}
