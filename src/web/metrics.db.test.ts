// GET /metrics: 404 without a configured token, 401 with a wrong one, and with the right one a body that a
// strict reading of the Prometheus text exposition format (0.0.4) accepts, with the figures it should have.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'kysely'
import { TEST_ENGINE, describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildAgency, buildApplication } from '../../test/factories.ts'
import { JobRunner, makeJobDue } from '../jobs/index.ts'
import { recordRawHit } from '../ops/request-metrics.ts'
import { isoNow } from '../storage/index.ts'
import { startInvalidationBus } from './cluster/invalidation-bus.ts'
import { portalCache } from './portal/portal-cache.ts'
import { buildServer } from './server.ts'

const TOKEN = 'metrics-token-0123456789'
const CONFIG = { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12 }

interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|[+-]Inf|NaN)$/

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {}
  let rest = text
  while (rest.length > 0) {
    const m = /^([^=]+)="((?:[^"\\\n]|\\["\\n])*)"(,?)/.exec(rest)
    if (m === null) throw new Error(`bad labels in: ${line}`)
    const [all, name = '', value = '', comma] = m
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`bad label name ${name}: ${line}`)
    if (name in labels) throw new Error(`duplicate label ${name}: ${line}`)
    labels[name] = value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\')
    rest = rest.slice(all.length)
    if (comma === '' && rest.length > 0) throw new Error(`missing comma in: ${line}`)
  }
  return labels
}

/**
 * A strict checker of the text format: HELP/TYPE before a family's samples and once each, a family's samples
 * together, valid names, labels and values, no duplicate series, counters ≥ 0, and histograms with
 * cumulative buckets ending in le="+Inf" equal to _count, plus _sum. Returns the samples.
 */
function parsePrometheusText(body: string): Sample[] {
  if (!body.endsWith('\n')) throw new Error('body must end with a newline')
  const types = new Map<string, string>()
  const helped = new Set<string>()
  const closed = new Set<string>()
  const series = new Set<string>()
  const samples: Sample[] = []
  let current: string | null = null
  const familyOf = (name: string) => {
    for (const suffix of ['_bucket', '_sum', '_count']) {
      const base = name.slice(0, -suffix.length)
      if (name.endsWith(suffix) && types.get(base) === 'histogram') return base
    }
    return name
  }
  const enter = (family: string, line: string) => {
    if (current !== family) {
      if (closed.has(family)) throw new Error(`family ${family} is split: ${line}`)
      if (current !== null) closed.add(current)
      current = family
    }
  }
  for (const line of body.slice(0, -1).split('\n')) {
    if (line === '') throw new Error('empty line')
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line)
      if (m === null) throw new Error(`bad comment line: ${line}`)
      const [, kind, name = ''] = m
      if (!METRIC_NAME.test(name)) throw new Error(`bad metric name: ${line}`)
      enter(name, line)
      if (kind === 'HELP') {
        if (helped.has(name)) throw new Error(`second HELP: ${line}`)
        helped.add(name)
      } else {
        if (types.has(name)) throw new Error(`second TYPE: ${line}`)
        if (samples.some((s) => familyOf(s.name) === name)) throw new Error(`TYPE after samples: ${line}`)
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(m[3] ?? '')) {
          throw new Error(`bad type: ${line}`)
        }
        types.set(name, m[3] ?? '')
      }
      continue
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line)
    if (m === null) throw new Error(`bad sample line: ${line}`)
    const [, name = '', labelText = '', valueText = ''] = m
    if (!VALUE.test(valueText)) throw new Error(`bad value: ${line}`)
    const family = familyOf(name)
    if (!types.has(family)) throw new Error(`sample without TYPE: ${line}`)
    enter(family, line)
    const labels = parseLabels(labelText, line)
    const key = `${name}{${Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}}`
    if (series.has(key)) throw new Error(`duplicate series: ${line}`)
    series.add(key)
    const value = valueText.endsWith('Inf')
      ? valueText.startsWith('-')
        ? -Infinity
        : Infinity
      : Number(valueText)
    if (types.get(family) === 'counter' && !(value >= 0)) throw new Error(`negative counter: ${line}`)
    samples.push({ name, labels, value })
  }
  checkHistograms(samples, types)
  return samples
}

function checkHistograms(samples: readonly Sample[], types: ReadonlyMap<string, string>): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue
    const groups = new Map<string, { buckets: Sample[]; sum?: Sample; count?: Sample }>()
    for (const s of samples) {
      if (!s.name.startsWith(family)) continue
      const { le, ...rest } = s.labels
      const key = JSON.stringify(Object.entries(rest).sort())
      const group = groups.get(key) ?? { buckets: [] }
      groups.set(key, group)
      if (s.name === `${family}_bucket`) {
        if (le === undefined) throw new Error(`bucket without le: ${family}`)
        group.buckets.push(s)
      } else if (s.name === `${family}_sum`) group.sum = s
      else if (s.name === `${family}_count`) group.count = s
    }
    for (const [key, g] of groups) {
      const les = g.buckets.map((b) => (b.labels.le === '+Inf' ? Infinity : Number(b.labels.le)))
      if (les.some((v, i) => i > 0 && !(v > (les[i - 1] ?? -Infinity)))) {
        throw new Error(`le not increasing: ${key}`)
      }
      if (les.at(-1) !== Infinity) throw new Error(`no +Inf bucket: ${key}`)
      if (g.buckets.some((b, i) => i > 0 && b.value < (g.buckets[i - 1]?.value ?? 0))) {
        throw new Error(`buckets not cumulative: ${key}`)
      }
      if (g.count === undefined || g.sum === undefined) {
        throw new Error(`histogram without _sum/_count: ${key}`)
      }
      if (g.count.value !== g.buckets.at(-1)?.value) {
        throw new Error(`+Inf bucket differs from _count: ${key}`)
      }
    }
  }
}

describeDb('GET /metrics', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildServer({ db: t.db, config: { ...CONFIG, metricsToken: TOKEN } })
  })
  afterAll(async () => {
    await app.close()
  })

  it('does not exist without a configured token', async () => {
    const plain = await buildServer({ db: t.db, config: CONFIG })
    try {
      const r = await plain.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      expect(r.statusCode).toBe(404)
    } finally {
      await plain.close()
    }
  })

  it('answers 401 without the right bearer token', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789',
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
    ]) {
      const r = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      })
      expect(r.statusCode).toBe(401)
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/)
      expect(r.body).not.toContain('gongkai_')
    }
  })

  it('reports requests per route and status class, latency histograms, cases, cache, memory and lag', async () => {
    const agency = await buildAgency(t.db)
    await buildApplication(t.db, agency, [{ type: 'received', on: '2026-03-02', channel: 'in_person' }])
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await buildApplication(t.db, agency, [{ type: 'received', on: today, channel: 'in_person' }])
    for (let i = 0; i < 3; i += 1) {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    }
    expect((await app.inject({ method: 'GET', url: '/zfxxgk/999999/' })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200)

    const r = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(r.headers['cache-control']).toBe('no-store')
    const samples = parsePrometheusText(r.body)
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value

    expect(value('gongkai_http_requests_total', { method: 'GET', route: '/healthz', status: '2xx' })).toBe(3)
    expect(value('gongkai_http_requests_total', { route: '/zfxxgk/:agencyId/', status: '4xx' })).toBe(1)
    expect(value('gongkai_http_requests_total', { route: '/', status: '2xx' })).toBe(1)
    expect(value('gongkai_http_request_duration_seconds_count', { route: '/healthz', status: '2xx' })).toBe(3)
    expect(
      value('gongkai_http_request_duration_seconds_bucket', { route: '/healthz', status: '2xx', le: '+Inf' }),
    ).toBe(3)
    // The first case is past its due date (received 2026-03-02); the second was received today.
    expect(value('gongkai_applications_open')).toBe(2)
    expect(value('gongkai_applications_overdue')).toBe(1)
    expect(value('gongkai_portal_cache_entries')).toBeGreaterThanOrEqual(1)
    // The home page was rendered once (a miss); a second request is a hit.
    expect(value('gongkai_portal_cache_misses_total')).toBeGreaterThanOrEqual(1)
    const hitsBefore = value('gongkai_portal_cache_hits_total') ?? -1
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200)
    expect(value('gongkai_view_counts_pending')).toBeGreaterThanOrEqual(0)
    expect(value('gongkai_process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024)
    expect(value('gongkai_process_heap_used_bytes')).toBeGreaterThan(1024 * 1024)
    expect(value('gongkai_process_heap_total_bytes')).toBeGreaterThanOrEqual(
      value('gongkai_process_heap_used_bytes') ?? Infinity,
    )
    expect(value('gongkai_process_external_memory_bytes')).toBeGreaterThan(0)
    // ArrayBuffers and Buffers are counted in the external memory.
    expect(value('gongkai_process_array_buffers_bytes')).toBeGreaterThan(0)
    expect(value('gongkai_process_array_buffers_bytes')).toBeLessThanOrEqual(
      value('gongkai_process_external_memory_bytes') ?? -1,
    )
    expect(value('gongkai_event_loop_lag_p99_seconds')).toBeGreaterThanOrEqual(0)
    expect(value('gongkai_process_cpu_seconds_total')).toBeGreaterThan(0)

    // The scrape itself is counted on the next one.
    const again = parsePrometheusText(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
        .body,
    )
    expect(
      again.find(
        (s) =>
          s.name === 'gongkai_http_requests_total' &&
          s.labels.route === '/metrics' &&
          s.labels.status === '2xx',
      )?.value,
    ).toBe(1)
    expect(again.find((s) => s.name === 'gongkai_portal_cache_hits_total')?.value).toBe(hitsBefore + 1)
  })

  async function scrape(server: FastifyInstance): Promise<Sample[]> {
    const r = await server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(r.statusCode).toBe(200)
    return parsePrometheusText(r.body)
  }
  const valueIn = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value

  it('counts cached portal pages answered before Fastify (recordRawHit) in the series of its route', async () => {
    const route = { method: 'GET', route: '/zfxxgk/:agencyId/' }
    const before = valueIn(await scrape(app), 'gongkai_http_requests_total', { ...route, status: '2xx' }) ?? 0
    recordRawHit('/zfxxgk/:agencyId/', 200, 0.0004)
    recordRawHit('/zfxxgk/:agencyId/', 304, 0.0001)
    const samples = await scrape(app)
    expect(valueIn(samples, 'gongkai_http_requests_total', { ...route, status: '2xx' })).toBe(before + 1)
    expect(valueIn(samples, 'gongkai_http_requests_total', { ...route, status: '3xx' })).toBe(1)
    expect(
      valueIn(samples, 'gongkai_http_request_duration_seconds_bucket', {
        ...route,
        status: '3xx',
        le: '0.001',
      }),
    ).toBe(1)
  })

  it('reports each scheduled job: runs and failures of this process, and the state in the job table', async () => {
    // A server of its own: the job table is read at most every 10 s per server.
    const server = await buildServer({ db: t.db, config: { ...CONFIG, metricsToken: TOKEN } })
    try {
      const runner = new JobRunner(t.db, { runner: 'metrics-test' })
      const ok = `test.metrics-ok-${process.pid}`
      const failing = `test.metrics-fail-${process.pid}`
      runner.add({ name: ok, everyMs: 3_600_000, run: () => Promise.resolve() })
      runner.add({
        name: failing,
        everyMs: 3_600_000,
        run: () => Promise.reject(new Error('boom')),
      })
      await runner.prepare()
      for (const name of [ok, failing]) await makeJobDue(t.db, name, isoNow())
      expect((await runner.tick()).sort()).toEqual([failing, ok].sort())
      const samples = await scrape(server)
      expect(valueIn(samples, 'gongkai_job_runs_total', { job: ok })).toBe(1)
      expect(valueIn(samples, 'gongkai_job_failures_total', { job: ok })).toBe(0)
      expect(valueIn(samples, 'gongkai_job_runs_total', { job: failing })).toBe(1)
      expect(valueIn(samples, 'gongkai_job_failures_total', { job: failing })).toBe(1)
      expect(valueIn(samples, 'gongkai_job_claimed_runs', { job: failing })).toBe(1)
      expect(valueIn(samples, 'gongkai_job_last_run_failed', { job: failing })).toBe(1)
      expect(valueIn(samples, 'gongkai_job_last_run_failed', { job: ok })).toBe(0)
      const age = valueIn(samples, 'gongkai_job_last_run_age_seconds', { job: ok }) ?? -1
      expect(age).toBeGreaterThanOrEqual(0)
      expect(age).toBeLessThan(60)
      // Next due in an hour: not overdue.
      expect(valueIn(samples, 'gongkai_job_overdue_seconds', { job: ok })).toBe(0)
    } finally {
      await server.close()
    }
  })

  it.skipIf(TEST_ENGINE !== 'postgres')(
    'reports the invalidation bus while one runs (PostgreSQL)',
    async () => {
      expect((await scrape(app)).some((s) => s.name.startsWith('gongkai_invalidation_'))).toBe(false)
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s ?? ''
      const url = new URL(process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
      url.searchParams.set('options', `-c search_path=${schema}`)
      const bus = await startInvalidationBus({ url: url.toString(), db: t.db, cache: portalCache })
      try {
        const before = valueIn(await scrape(app), 'gongkai_invalidation_notifications_sent_total') ?? -1
        portalCache.invalidateAgency(424242)
        await expect
          .poll(async () => valueIn(await scrape(app), 'gongkai_invalidation_notifications_sent_total'))
          .toBe(before + 1)
        const samples = await scrape(app)
        expect(valueIn(samples, 'gongkai_invalidation_bus_listening')).toBe(1)
        expect(valueIn(samples, 'gongkai_invalidation_reconnects_total')).toBeGreaterThanOrEqual(0)
        expect(valueIn(samples, 'gongkai_invalidation_notifications_received_total')).toBeGreaterThanOrEqual(
          0,
        )
      } finally {
        await bus.stop()
      }
    },
  )

  it('the checker refuses malformed exposition text', () => {
    const bad = [
      'gongkai_x 1\n',
      '# TYPE gongkai_x gauge\ngongkai_x one\n',
      '# TYPE gongkai_x gauge\ngongkai_x{a="1} 1\n',
      '# TYPE gongkai_x counter\ngongkai_x -1\n',
      '# TYPE gongkai_x gauge\ngongkai_x 1\ngongkai_x 2\n',
      '# TYPE gongkai_x gauge\n# TYPE gongkai_y gauge\ngongkai_y 1\ngongkai_x 1\n',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
      '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n',
      '# TYPE gongkai_x gauge\ngongkai_x 1',
    ]
    for (const text of bad) expect(() => parsePrometheusText(text), text).toThrow()
    expect(parsePrometheusText('# HELP g x\n# TYPE g gauge\ng{a="q\\"\\\\"} 1.5\n')).toEqual([
      { name: 'g', labels: { a: 'q"\\' }, value: 1.5 },
    ])
  })
})
