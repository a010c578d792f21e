// Writing counted views: every VIEW_FLUSH_MS the counts collected in memory are written by the catalogue's
// `flushViews` (a few statements, counts put back on failure), and once more when the server closes.
import type { FastifyInstance } from 'fastify'
import { flushViews } from '../../catalogue/index.ts'
import type { DB } from '../../storage/index.ts'

/** How often counted views are written; a page's 浏览次数 lags by up to this plus the cache's entry TTL. */
export const VIEW_FLUSH_MS = 10_000

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
