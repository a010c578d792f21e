// Write the counted views (see view-counter.ts) in a few statements; counts go back to the counter when the
// write fails, so the next flush retries them.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { addViewCounts } from '../item.queries.ts'
import { viewCounter, type ViewCounter } from '../view-counter.ts'

/** Add pending view counts to the items; returns how many views were written. */
export async function flushViews(db: DB, counter: ViewCounter = viewCounter): Promise<number> {
  const counts = counter.take()
  if (counts.size === 0) return 0
  try {
    await withTransaction(db, (trx) => addViewCounts(trx, counts))
  } catch (err) {
    counter.restore(counts)
    throw err
  }
  let n = 0
  for (const v of counts.values()) n += v
  return n
}
