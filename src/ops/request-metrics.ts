// Request counts and latency histograms per route pattern, method and status class, kept in preallocated
// typed arrays: recording a request is a few array writes, no allocation, no map lookup (each route gets its
// own RouteStats when it is registered). Rendered in the Prometheus text exposition format on demand.

/** Upper bounds of the latency buckets, in seconds (Prometheus' convention), and the same in ms. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]
const BOUNDS_MS = Float64Array.from(LATENCY_BUCKETS_SECONDS, (s) => s * 1000)
const SLOTS = BOUNDS_MS.length + 1
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const

/** The counters of one route (one method and URL pattern). */
export class RouteStats {
  readonly method: string
  readonly route: string
  /** Per status class: requests per latency bucket (not cumulative; the last slot is above the largest bound). */
  readonly buckets = new Float64Array(STATUS_CLASSES.length * SLOTS)
  /** Per status class: request count and summed latency in ms. */
  readonly counts = new Float64Array(STATUS_CLASSES.length)
  readonly sumsMs = new Float64Array(STATUS_CLASSES.length)

  constructor(method: string, route: string) {
    this.method = method
    this.route = route
  }

  /** Count one answered request. */
  observe(statusCode: number, elapsedMs: number): void {
    let cls = ((statusCode / 100) | 0) - 1
    if (cls < 0 || cls > 4) cls = 4
    let slot = 0
    while (slot < BOUNDS_MS.length && elapsedMs > (BOUNDS_MS[slot] ?? Infinity)) slot += 1
    this.buckets[cls * SLOTS + slot] = (this.buckets[cls * SLOTS + slot] ?? 0) + 1
    this.counts[cls] = (this.counts[cls] ?? 0) + 1
    this.sumsMs[cls] = (this.sumsMs[cls] ?? 0) + elapsedMs
  }
}

/** Every route's stats, in registration order. */
export class RequestMetrics {
  readonly #routes: RouteStats[] = []
  readonly #byKey = new Map<string, RouteStats>()

  /** The stats of a route, created on first use (call at route registration, not per request). */
  route(method: string, route: string): RouteStats {
    const key = `${method} ${route}`
    let stats = this.#byKey.get(key)
    if (stats === undefined) {
      stats = new RouteStats(method, route)
      this.#byKey.set(key, stats)
      this.#routes.push(stats)
    }
    return stats
  }

  /** The request counter and the latency histogram in Prometheus text format (only classes seen). */
  render(): string {
    const counter: string[] = [
      '# HELP gongkai_http_requests_total Requests answered, by method, route pattern and status class.',
      '# TYPE gongkai_http_requests_total counter',
    ]
    const histogram: string[] = [
      '# HELP gongkai_http_request_duration_seconds Time from receiving a request to its response, by method, route pattern and status class.',
      '# TYPE gongkai_http_request_duration_seconds histogram',
    ]
    for (const stats of this.#routes) {
      for (let cls = 0; cls < STATUS_CLASSES.length; cls += 1) {
        const count = stats.counts[cls] ?? 0
        if (count === 0) continue
        const labels = `method="${escapeLabel(stats.method)}",route="${escapeLabel(stats.route)}",status="${STATUS_CLASSES[cls] ?? ''}"`
        counter.push(`gongkai_http_requests_total{${labels}} ${count}`)
        let cumulative = 0
        for (let slot = 0; slot < SLOTS; slot += 1) {
          cumulative += stats.buckets[cls * SLOTS + slot] ?? 0
          const le = slot < LATENCY_BUCKETS_SECONDS.length ? String(LATENCY_BUCKETS_SECONDS[slot]) : '+Inf'
          histogram.push(`gongkai_http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`)
        }
        histogram.push(
          `gongkai_http_request_duration_seconds_sum{${labels}} ${formatNumber((stats.sumsMs[cls] ?? 0) / 1000)}`,
        )
        histogram.push(`gongkai_http_request_duration_seconds_count{${labels}} ${count}`)
      }
    }
    return `${counter.join('\n')}\n${histogram.join('\n')}\n`
  }
}

/** A label value as the exposition format requires: backslash, double quote and newline escaped. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

/** A sample value: integers as such, others with up to 6 decimals. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6)
}

/** One gauge (or counter) without labels, with its HELP and TYPE lines. */
export function renderSample(name: string, type: 'gauge' | 'counter', help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${formatNumber(value)}\n`
}

/** One labelled sample of a family. */
export interface LabelledSample {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** A family of labelled samples with its HELP and TYPE lines; nothing when there are no samples. */
export function renderFamily(
  name: string,
  type: 'gauge' | 'counter',
  help: string,
  samples: readonly LabelledSample[],
): string {
  if (samples.length === 0) return ''
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`]
  for (const s of samples) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(',')
    lines.push(`${name}{${labels}} ${formatNumber(s.value)}`)
  }
  return `${lines.join('\n')}\n`
}

// Responses written before Fastify sees the request (portal render-cache hits answered by the server's request
// listener, see web/portal/portal-response.ts) are counted through `recordRawHit` into the metrics of the
// server that has /metrics on. One target per process, as the render cache itself is one per process.

/** Distinct raw-hit routes kept; beyond this they are counted under RAW_OVERFLOW_ROUTE (a caller passing URLs). */
export const MAX_RAW_ROUTES = 64
export const RAW_OVERFLOW_ROUTE = '(other raw hits)'
let rawTarget: RequestMetrics | null = null
const rawRoutes = new Map<string, RouteStats>()
let rawOverflow: RouteStats | null = null

/**
 * Count raw hits into `metrics` from now on (the last server registered wins). Returns the function that stops
 * it, which does nothing once another server took over. Called by web/metrics.ts.
 */
export function countRawHitsIn(metrics: RequestMetrics): () => void {
  rawTarget = metrics
  rawRoutes.clear()
  rawOverflow = null
  return () => {
    if (rawTarget !== metrics) return
    rawTarget = null
    rawRoutes.clear()
    rawOverflow = null
  }
}

/** True while raw hits are being counted (so a caller can skip taking the time when nobody reads it). */
export function rawHitsCounted(): boolean {
  return rawTarget !== null
}

/**
 * Count one response answered before Fastify (a cached portal page) in the per-route request metrics.
 * `route` is the Fastify route PATTERN the page is otherwise served under (e.g. `/zfxxgk/:agencyId/`), never
 * the URL, so hits and misses add up in one `method="GET",route=…` series; `status` the status written (200,
 * 304, 410); `seconds` the time taken. A no-op when /metrics is off; no allocation once the route was seen
 * (a Map lookup, a few typed-array writes).
 */
export function recordRawHit(route: string, status: number, seconds: number): void {
  if (rawTarget === null) return
  let stats = rawRoutes.get(route)
  if (stats === undefined) {
    if (rawRoutes.size < MAX_RAW_ROUTES) {
      stats = rawTarget.route('GET', route)
      rawRoutes.set(route, stats)
    } else {
      rawOverflow ??= rawTarget.route('GET', RAW_OVERFLOW_ROUTE)
      stats = rawOverflow
    }
  }
  stats.observe(status, seconds * 1000)
}
