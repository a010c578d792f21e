// Raw hits (portal pages answered before Fastify) counted into the per-route series of the server with /metrics
// on, and labelled families rendered in the exposition format.
import { afterEach, describe, expect, it } from 'vitest'
import {
  countRawHitsIn,
  MAX_RAW_ROUTES,
  RAW_OVERFLOW_ROUTE,
  rawHitsCounted,
  recordRawHit,
  renderFamily,
  RequestMetrics,
} from './request-metrics.ts'

/** The value of one sample line of `text`, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `))
  return found === undefined ? undefined : Number(found.slice(line.length + 1))
}

const ROUTE = '/zfxxgk/:agencyId/'
const series = (status: string) => `method="GET",route="${ROUTE}",status="${status}"`

describe('recordRawHit', () => {
  let stop: (() => void) | undefined
  afterEach(() => {
    stop?.()
    stop = undefined
  })

  it('does nothing while no server counts raw hits', () => {
    expect(rawHitsCounted()).toBe(false)
    expect(() => recordRawHit(ROUTE, 200, 0.001)).not.toThrow()
  })

  it('adds to the same series as the route answered through Fastify, by status class and latency bucket', () => {
    const metrics = new RequestMetrics()
    const fastifyRoute = metrics.route('GET', ROUTE)
    fastifyRoute.observe(200, 12) // a miss rendered through Fastify: 12 ms
    stop = countRawHitsIn(metrics)
    expect(rawHitsCounted()).toBe(true)
    recordRawHit(ROUTE, 200, 0.0002)
    recordRawHit(ROUTE, 200, 0.0003)
    recordRawHit(ROUTE, 304, 0.0001)
    const text = metrics.render()
    expect(sample(text, `gongkai_http_requests_total{${series('2xx')}}`)).toBe(3)
    expect(sample(text, `gongkai_http_requests_total{${series('3xx')}}`)).toBe(1)
    // The two raw hits are under 1 ms, the miss is in the 25 ms bucket.
    expect(sample(text, `gongkai_http_request_duration_seconds_bucket{${series('2xx')},le="0.001"}`)).toBe(2)
    expect(sample(text, `gongkai_http_request_duration_seconds_bucket{${series('2xx')},le="0.01"}`)).toBe(2)
    expect(sample(text, `gongkai_http_request_duration_seconds_bucket{${series('2xx')},le="0.025"}`)).toBe(3)
    expect(sample(text, `gongkai_http_request_duration_seconds_sum{${series('2xx')}}`)).toBeCloseTo(0.0125, 6)
    // Only one series per route: no second `GET /zfxxgk/:agencyId/` entry was created.
    expect(
      text.match(/gongkai_http_requests_total\{method="GET",route="\/zfxxgk\/:agencyId\/",status="2xx"\}/g),
    ).toHaveLength(1)
  })

  it('stops counting when its server closes, but not when an older server closes after a newer one took over', () => {
    const older = new RequestMetrics()
    const newer = new RequestMetrics()
    const stopOlder = countRawHitsIn(older)
    stop = countRawHitsIn(newer)
    stopOlder()
    recordRawHit(ROUTE, 200, 0.001)
    expect(sample(newer.render(), `gongkai_http_requests_total{${series('2xx')}}`)).toBe(1)
    expect(older.render()).not.toContain(ROUTE)
    stop()
    stop = undefined
    recordRawHit(ROUTE, 200, 0.001)
    expect(sample(newer.render(), `gongkai_http_requests_total{${series('2xx')}}`)).toBe(1)
  })

  it('folds routes beyond the limit into one overflow series (a caller passing URLs cannot grow memory)', () => {
    const metrics = new RequestMetrics()
    stop = countRawHitsIn(metrics)
    for (let i = 0; i < MAX_RAW_ROUTES + 50; i += 1) recordRawHit(`/zfxxgk/${i}/`, 200, 0.001)
    const text = metrics.render()
    const routes = text.split('\n').filter((l) => l.startsWith('gongkai_http_requests_total{'))
    expect(routes).toHaveLength(MAX_RAW_ROUTES + 1)
    expect(
      sample(text, `gongkai_http_requests_total{method="GET",route="${RAW_OVERFLOW_ROUTE}",status="2xx"}`),
    ).toBe(50)
  })
})

describe('renderFamily', () => {
  it('writes HELP, TYPE and one line per labelled sample, escaping label values; nothing without samples', () => {
    expect(
      renderFamily('gongkai_job_runs_total', 'counter', 'Runs.', [
        { labels: { job: 'a' }, value: 2 },
        { labels: { job: 'b"\\' }, value: 0.5 },
      ]),
    ).toBe(
      '# HELP gongkai_job_runs_total Runs.\n# TYPE gongkai_job_runs_total counter\n' +
        'gongkai_job_runs_total{job="a"} 2\ngongkai_job_runs_total{job="b\\"\\\\"} 0.5\n',
    )
    expect(renderFamily('gongkai_job_runs_total', 'counter', 'Runs.', [])).toBe('')
  })
})
