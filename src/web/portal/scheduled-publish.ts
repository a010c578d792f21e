// Scheduled publication in the server: every SCHEDULED_PUBLISH_MS the catalogue's `publishDueScheduled`
// publishes the items whose time has come (索引号, search index and audit as a manual publish), and the
// portal pages of each agency concerned are made stale, so the item is on its column page at the next
// request. It runs as a job (src/jobs/): once per interval across all server processes, whoever claims the
// due run; and each item is claimed by a compare-and-set as well, so even the CLI's publish-due alongside
// publishes it exactly once.
import type { FastifyInstance } from 'fastify'
import { publishDueScheduled, type ScheduledRun } from '../../catalogue/index.ts'
import { registerJob } from '../../jobs/index.ts'
import type { DB } from '../../storage/index.ts'
import { invalidatePortal } from './portal-cache.ts'

/** How often due scheduled items are looked for: an item appears at most this long after its time. */
export const SCHEDULED_PUBLISH_MS = 60_000

/** One run: publish what is due, make the portal pages of the agencies concerned stale. */
export async function runScheduledPublish(db: DB, now: Date = new Date()): Promise<ScheduledRun> {
  const run = await publishDueScheduled(db, now)
  for (const agencyId of new Set(run.published.map((item) => item.agencyId))) invalidatePortal(agencyId)
  return run
}

/** The job's name in the job table. */
export const SCHEDULED_PUBLISH_JOB = 'catalogue.scheduled-publish'

export function registerScheduledPublish(app: FastifyInstance, db: DB): void {
  // Through the job table: once per interval across all processes, not once per process (src/jobs/).
  registerJob(app, db, {
    name: SCHEDULED_PUBLISH_JOB,
    everyMs: SCHEDULED_PUBLISH_MS,
    run: async () => {
      const run = await runScheduledPublish(db)
      if (run.published.length > 0 || run.failed.length > 0) {
        app.log.info(
          { published: run.published.map((i) => i.id), failed: run.failed },
          'scheduled publication run',
        )
      }
    },
  })
}
