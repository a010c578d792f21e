// Writing counted views: every VIEW_FLUSH_MS the counts collected in memory are added to the items in a few
// statements, and once more when the server closes. A failed flush puts its counts back for the next one.
import type { FastifyInstance } from 'fastify'
import { addViewCounts } from '../../catalogue/item.queries.ts'
import { viewCounter } from '../../catalogue/view-counter.ts'
import type { DB } from '../../storage/index.ts'

/** How often counted views are written; a page's 浏览次数 lags by up to this plus the cache's entry TTL. */
export const VIEW_FLUSH_MS = 10_000

export async function flushViews(db: DB): Promise<number> {
  const counts = viewCounter.take()
  if (counts.size === 0) return 0
  try {
    await addViewCounts(db, counts)
  } catch (err) {
    viewCounter.restore(counts)
    throw err
  }
  let n = 0
  for (const v of counts.values()) n += v
  return n
}

export function registerViewFlush(app: FastifyInstance, db: DB): void {
  let running: Promise<unknown> = Promise.resolve()
  const flush = () => {
    running = running
      .then(() => flushViews(db))
      .catch((err: unknown) => app.log.error({ err }, 'view count flush failed'))
    return running
  }
  const timer = setInterval(() => void flush(), VIEW_FLUSH_MS)
  timer.unref()
  // onClose hooks run in order of registration: this one is registered before the database is closed.
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await flush()
  })
}
