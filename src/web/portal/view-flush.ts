// Writing counted views: every VIEW_FLUSH_MS the counts collected in memory are written by the catalogue's
// `flushViews`, and once more when the server closes. A flush is cut into chunks of VIEW_FLUSH_CHUNK items,
// each its own short transaction, with the event loop free between chunks: SQLite statements run on the
// loop's thread, and thousands of scattered row updates in one go (≈0.4 s for 5,000 items over a 1M-item
// table) would hold every request waiting behind them. Counts of a chunk that fails go back to the counter
// with every chunk not yet written, so the next flush retries them.
import type { FastifyInstance } from 'fastify'
import { flushViews, ViewCounter, viewCounter } from '../../catalogue/index.ts'
import type { DB } from '../../storage/index.ts'

/** How often counted views are written; a page's 浏览次数 lags by up to this plus the cache's entry TTL. */
export const VIEW_FLUSH_MS = 10_000
/** Items per transaction of a flush. */
export const VIEW_FLUSH_CHUNK = 250

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Write the pending counts of `counter` chunk by chunk; returns how many views were written. */
export async function flushViewsInChunks(
  db: DB,
  counter: ViewCounter = viewCounter,
  chunk = VIEW_FLUSH_CHUNK,
): Promise<number> {
  const pending = [...counter.take()]
  let written = 0
  for (let start = 0; start < pending.length; start += chunk) {
    if (start > 0) await yieldToLoop()
    const part = new ViewCounter()
    part.restore(new Map(pending.slice(start, start + chunk)))
    try {
      written += await flushViews(db, part)
    } catch (err) {
      counter.restore(new Map(pending.slice(start)))
      throw err
    }
  }
  return written
}

export function registerViewFlush(app: FastifyInstance, db: DB): void {
  let running: Promise<unknown> = Promise.resolve()
  const flush = () => {
    running = running
      .then(() => flushViewsInChunks(db))
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
