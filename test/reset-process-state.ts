// Setup file of the database projects (vitest `setupFiles`), run again before each test file. Those projects
// keep a worker's imported modules from one file to the next (`isolate: false`), so the process-wide state the
// application keeps in modules would otherwise carry over from the previous file, whose database (with the same
// row ids) is gone:
// - the portal render cache: a page cached for `/zfxxgk/1/` by one file would answer another file's agency 1;
// - the view-count buffer: views counted but not flushed by one file would be written into the next one's
//   database, or read by its `viewCounter.pending`.
// Counters that only grow (cache hits, job runs, invalidation-bus totals) are read by tests as differences.
import { viewCounter } from '../src/catalogue/index.ts'
import { portalCache } from '../src/web/portal/portal-cache.ts'

portalCache.invalidateAll()
viewCounter.take()
