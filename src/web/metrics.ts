// `GET /metrics` in the Prometheus text format, for a scraper holding GONGKAI_METRICS_TOKEN
// (`Authorization: Bearer …`): no token configured → 404 (the route does not exist), wrong token → 401.
// Reports requests and latency per route pattern and status class (portal pages answered from the render cache
// before Fastify included, through `recordRawHit`), the portal render cache, the view-count buffer, open and
// overdue applications (queried at most every 10 s), the invalidation bus (PostgreSQL), the scheduled jobs
// (this process's runs and failures; the job table's state, queried at most every 10 s), RSS, CPU time and
// event-loop lag.
//
// Per request the cost is one onResponse hook per route (attached when the route is registered, so there is no
// lookup) doing a few typed-array writes. Register this before the routes it should measure.
import { createHash, timingSafeEqual } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { FastifyInstance, FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify'
import { viewCounter } from '../catalogue/index.ts'
import { jobRunCounters, listJobs } from '../jobs/index.ts'
import { countOpenApplications } from '../ops/ops.queries.ts'
import {
  countRawHitsIn,
  RequestMetrics,
  renderFamily,
  renderSample,
  type LabelledSample,
} from '../ops/request-metrics.ts'
import type { DB } from '../storage/index.ts'
import { invalidationBusCounters } from './cluster/invalidation-bus.ts'
import { portalCache } from './portal/portal-cache.ts'

export const METRICS_PATH = '/metrics'
/** How long the application counts are reused before the next scrape queries again. */
export const CASE_COUNT_TTL_MS = 10_000

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Constant-time comparison of the bearer token (hashing first makes the lengths equal). */
function isAuthorised(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match !== null && timingSafeEqual(digest(match[1] ?? ''), expected)
}

/** Attach a counting onResponse hook to every route registered after this call. */
function countRoutes(app: FastifyInstance, metrics: RequestMetrics): void {
  app.addHook('onRoute', (route) => {
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method
    const stats = metrics.route(method, route.url ?? route.path)
    const hook: onResponseHookHandler = (_request, reply, done) => {
      stats.observe(reply.statusCode, reply.elapsedTime)
      done()
    }
    const existing = route.onResponse
    route.onResponse =
      existing === undefined ? [hook] : [...(Array.isArray(existing) ? existing : [existing]), hook]
  })
}

/** Applications still open and those past their due date, cached for CASE_COUNT_TTL_MS. */
function caseCounts(db: DB): () => Promise<{ open: number; overdue: number }> {
  let cached: { at: number; value: Promise<{ open: number; overdue: number }> } | undefined
  return () => {
    const now = Date.now()
    if (cached === undefined || now - cached.at > CASE_COUNT_TTL_MS) {
      const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
      const value = countOpenApplications(db, today)
      cached = { at: now, value }
      value.catch(() => {
        cached = undefined
      })
    }
    return cached.value
  }
}

type JobRow = Awaited<ReturnType<typeof listJobs>>[number]

/** The job table's rows, cached for CASE_COUNT_TTL_MS like the case counts. */
function jobRows(db: DB): () => Promise<JobRow[]> {
  let cached: { at: number; value: Promise<JobRow[]> } | undefined
  return () => {
    const now = Date.now()
    if (cached === undefined || now - cached.at > CASE_COUNT_TTL_MS) {
      const value = listJobs(db)
      cached = { at: now, value }
      value.catch(() => {
        cached = undefined
      })
    }
    return cached.value
  }
}

/** Scheduled jobs: this process's runs and failures (counters), and the job table's state (all processes). */
function jobSamples(rows: readonly JobRow[], now: number): string {
  const own = [...jobRunCounters()].sort(([a], [b]) => a.localeCompare(b))
  const each = <T>(xs: readonly T[], f: (x: T) => LabelledSample | null) =>
    xs.map(f).filter((x): x is LabelledSample => x !== null)
  const ageOf = (iso: string | null) => (iso === null ? null : (now - Date.parse(iso)) / 1000)
  return (
    renderFamily(
      'gongkai_job_runs_total',
      'counter',
      'Scheduled job runs by this process.',
      own.map(([job, c]) => ({ labels: { job }, value: c.runs })),
    ) +
    renderFamily(
      'gongkai_job_failures_total',
      'counter',
      'Scheduled job runs by this process that failed.',
      own.map(([job, c]) => ({ labels: { job }, value: c.failures })),
    ) +
    renderFamily(
      'gongkai_job_last_duration_seconds',
      'gauge',
      'Duration of the last run of the job by this process.',
      own.map(([job, c]) => ({ labels: { job }, value: c.lastSeconds })),
    ) +
    renderFamily(
      'gongkai_job_claimed_runs',
      'gauge',
      'Runs of the job claimed by any process (job table).',
      rows.map((r) => ({ labels: { job: r.name }, value: Number(r.runs) })),
    ) +
    renderFamily(
      'gongkai_job_last_run_age_seconds',
      'gauge',
      'Seconds since a run of the job last finished in any process (absent: never ran).',
      each(rows, (r) => {
        const age = ageOf(r.last_finished_at)
        return age === null ? null : { labels: { job: r.name }, value: age }
      }),
    ) +
    renderFamily(
      'gongkai_job_last_run_failed',
      'gauge',
      '1 when the last finished run of the job failed (job table), else 0.',
      each(rows, (r) =>
        r.last_finished_at === null
          ? null
          : { labels: { job: r.name }, value: r.last_error === null ? 0 : 1 },
      ),
    ) +
    renderFamily(
      'gongkai_job_overdue_seconds',
      'gauge',
      'Seconds the job has been due without being claimed (0 when not due; a stuck job grows).',
      rows.map((r) => ({
        labels: { job: r.name },
        value: Math.max(0, (now - Date.parse(r.next_run_at)) / 1000),
      })),
    )
  )
}

/** The render-cache invalidation bus between processes (PostgreSQL); nothing when this process has none. */
function busSamples(): string {
  const bus = invalidationBusCounters()
  if (bus.buses === 0) return ''
  return (
    renderSample(
      'gongkai_invalidation_bus_listening',
      'gauge',
      '1 while the LISTEN connection of the render-cache invalidation bus is open.',
      bus.listening,
    ) +
    renderSample(
      'gongkai_invalidation_notifications_sent_total',
      'counter',
      'Render-cache invalidations sent to the other processes (pg_notify).',
      bus.sent,
    ) +
    renderSample(
      'gongkai_invalidation_notify_failures_total',
      'counter',
      'Render-cache invalidations whose pg_notify failed (the other processes kept stale pages).',
      bus.sendFailures,
    ) +
    renderSample(
      'gongkai_invalidation_notifications_received_total',
      'counter',
      'Render-cache invalidations received from other processes and applied.',
      bus.received,
    ) +
    renderSample(
      'gongkai_invalidation_connection_losses_total',
      'counter',
      'LISTEN connections lost or failing to open.',
      bus.losses,
    ) +
    renderSample(
      'gongkai_invalidation_reconnects_total',
      'counter',
      'LISTEN connections re-opened after a loss (each drops the whole render cache).',
      bus.reconnects,
    )
  )
}

/** The portal render cache: size, and its hit and miss counters (raw hits included). */
function portalCacheSamples(): string {
  return (
    renderSample(
      'gongkai_portal_cache_entries',
      'gauge',
      'Pages held by the portal render cache.',
      portalCache.size,
    ) +
    renderSample(
      'gongkai_portal_cache_bytes',
      'gauge',
      'Bytes held by the portal render cache.',
      portalCache.bytes,
    ) +
    renderSample(
      'gongkai_portal_cache_hits_total',
      'counter',
      'Portal page lookups answered from the render cache.',
      portalCache.hits,
    ) +
    renderSample(
      'gongkai_portal_cache_misses_total',
      'counter',
      'Portal page lookups not in the cache (rendered).',
      portalCache.misses,
    )
  )
}

export function registerMetrics(app: FastifyInstance, db: DB, token: string | undefined): void {
  // Without a token nothing is measured, so an installation without a scraper pays nothing per request.
  if (token === undefined) return
  const metrics = new RequestMetrics()
  countRoutes(app, metrics)
  // Cached portal pages answered before Fastify are counted in the same per-route series.
  const stopRawHits = countRawHitsIn(metrics)
  const expected = digest(token)
  const counts = caseCounts(db)
  const jobs = jobRows(db)
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  app.addHook('onClose', (_app, done) => {
    loopDelay.disable()
    stopRawHits()
    done()
  })

  app.get(METRICS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAuthorised(request, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('401 Unauthorized: a valid bearer token is required\n')
    }
    const [cases, jobTable] = await Promise.all([counts(), jobs()])
    const cpu = process.cpuUsage()
    const memory = process.memoryUsage()
    // Lag since the previous scrape: percentiles of the timer's delay beyond its 10 ms resolution.
    const lag = {
      p50: loopDelay.percentile(50) / 1e9,
      p99: loopDelay.percentile(99) / 1e9,
      max: loopDelay.max / 1e9,
    }
    loopDelay.reset()
    const body = [
      metrics.render(),
      portalCacheSamples(),
      busSamples(),
      jobSamples(jobTable, Date.now()),
      renderSample(
        'gongkai_view_counts_pending',
        'gauge',
        'Item views counted in memory, not yet written (view-count buffer).',
        viewCounter.pending,
      ),
      renderSample(
        'gongkai_applications_open',
        'gauge',
        'Applications (依申请公开) still owed an answer.',
        cases.open,
      ),
      renderSample(
        'gongkai_applications_overdue',
        'gauge',
        'Open applications past their due date.',
        cases.overdue,
      ),
      renderSample(
        'gongkai_process_resident_memory_bytes',
        'gauge',
        'Resident set size of this process.',
        memory.rss,
      ),
      renderSample(
        'gongkai_process_heap_used_bytes',
        'gauge',
        'V8 heap in use (live objects and garbage not yet collected).',
        memory.heapUsed,
      ),
      renderSample('gongkai_process_heap_total_bytes', 'gauge', 'V8 heap reserved.', memory.heapTotal),
      renderSample(
        'gongkai_process_external_memory_bytes',
        'gauge',
        'Memory outside the V8 heap held by JavaScript objects (Buffers included).',
        memory.external,
      ),
      renderSample(
        'gongkai_process_array_buffers_bytes',
        'gauge',
        'Memory of ArrayBuffers and Buffers (part of the external memory).',
        memory.arrayBuffers,
      ),
      renderSample(
        'gongkai_process_cpu_seconds_total',
        'counter',
        'User and system CPU time of this process.',
        (cpu.user + cpu.system) / 1e6,
      ),
      renderSample(
        'gongkai_process_pid',
        'gauge',
        'Process id (tells the workers of serve --workers apart).',
        process.pid,
      ),
      renderSample(
        'gongkai_process_uptime_seconds',
        'gauge',
        'Seconds since this process started.',
        process.uptime(),
      ),
      renderSample(
        'gongkai_event_loop_lag_p50_seconds',
        'gauge',
        'Event-loop delay, median since the previous scrape.',
        Number.isFinite(lag.p50) ? lag.p50 : 0,
      ),
      renderSample(
        'gongkai_event_loop_lag_p99_seconds',
        'gauge',
        'Event-loop delay, 99th percentile since the previous scrape.',
        Number.isFinite(lag.p99) ? lag.p99 : 0,
      ),
      renderSample(
        'gongkai_event_loop_lag_max_seconds',
        'gauge',
        'Event-loop delay, maximum since the previous scrape.',
        Number.isFinite(lag.max) ? lag.max : 0,
      ),
    ].join('')
    return reply
      .header('cache-control', 'no-store')
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(body)
  })
}
