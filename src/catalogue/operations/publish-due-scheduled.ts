// For the scheduler: publish every scheduled item whose time has come. Each item is published in its own
// transaction, claimed by a compare-and-set, so two scheduler runs at once publish each item exactly once,
// and one item that cannot be published (e.g. its agency lacks the code its 索引号 needs) does not hold up
// the others. The audit entry names the user who scheduled it (the 保密审查员 who approved it for that time):
// the scheduler only carries out their decision.
import { systemActor } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import type { Item } from '../item.ts'
import { listDueScheduledIds } from '../item.queries.ts'
import { findUsername } from '../user-ref.queries.ts'
import { auditItem, loadItem } from './item-context.ts'
import { publishItem } from './publish-item.ts'

export interface ScheduledRun {
  /** Items published by this run. */
  readonly published: readonly Item[]
  /** Items that could not be published, with the reason (they stay scheduled and are retried next run). */
  readonly failed: readonly { readonly id: number; readonly message: string }[]
}

const SCHEDULER = systemActor('scheduler')

/** Who the publication is recorded under: the user who scheduled it, or the scheduler when unknown. */
async function schedulingActor(db: DB, item: Item): Promise<Actor> {
  const userId = item.reviewedBy
  const username = userId === null ? undefined : await findUsername(db, userId)
  if (userId === null || username === undefined) return SCHEDULER
  return { ...SCHEDULER, userId, username, displayName: `${username}（定时发布）`, agencyId: item.agencyId }
}

export async function publishDueScheduled(
  db: DB,
  now: Date = new Date(),
  batch = 200,
): Promise<ScheduledRun> {
  const published: Item[] = []
  const failed: { id: number; message: string }[] = []
  for (const id of await listDueScheduledIds(db, isoNow(now), batch)) {
    try {
      const item = await withTransaction(db, async (trx) => {
        const { item: before, agency } = await loadItem(trx, id)
        if (before.status !== 'scheduled') return undefined
        const after = await publishItem(trx, { item: before, agency, transition: 'publish_scheduled', now })
        await auditItem(trx, await schedulingActor(trx, before), 'catalogue.item.publish', before, after, now)
        return after
      })
      if (item) published.push(item)
    } catch (err) {
      // Another run published it first: not a failure.
      if (isDomainError(err) && err.code === 'conflict') continue
      failed.push({ id, message: err instanceof Error ? err.message : String(err) })
    }
  }
  return { published, failed }
}
