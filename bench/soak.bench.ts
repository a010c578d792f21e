// `npm run bench -- soak [--engine sqlite|postgres] [--minutes 10] [--rate 40] [--workers 1]
// [--items 4000] [--applications 2000] [--routes portal,search,apply,console] [--throughput-seconds 20]
// [--throughput-rounds 3] [--skip-throughput]`: a bounded soak of the real server (`node bin/gongkai.js serve`,
// loopback only) on its own data: a fresh data directory (SQLite) or the PostgreSQL database gongkai_soak
// (dropped and re-created), the demo world plus generated published items and applications. Mixed traffic is driven OPEN-LOOP at a fixed rate for the duration (each request is
// scheduled by the clock, never waits for the previous one; latency counts from the scheduled time, so a
// stalled server shows up in the percentiles): portal home, column and item pages, searches with varied
// queries, 依申请公开 submissions through the public form (form page, CSRF token and one-time key, multipart
// post) and console work (the case officer's queue, a case page, an extension recorded on a case; the
// publisher saving a draft item). Prints per route the count, errors (any non-2xx/3xx or failed request),
// p50/p95/p99; the server's RSS every 5 s and its growth after the warm-up (median of the minute after it
// against median of the last minute; target < 10 %), with where the
// memory is (anonymous, V8 heap, external and ArrayBuffers, render cache), each part's slope over the last
// minutes and which mappings grew (/proc/pid/smaps); the server's CPU time. `--routes` sends only some kinds
// of flow (at the full rate), to find which one makes memory grow. On PostgreSQL it then measures closed-loop
// throughput (wrk, Lua script over a mixed set of portal URLs and searches) with `serve --workers 1` and
// `--workers 2`, and their ratio.
// `--minutes 1` is the quick check.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { seedDemo, systemActor } from '../src/accounts/index.ts'
import { importApplications, importItems } from '../src/bulk-import/index.ts'
import { ensureDefaultColumns } from '../src/catalogue/index.ts'
import { connect } from '../src/storage/index.ts'
import { freePort } from '../test/free-port.ts'
import { cpuMicrosOf, loadAverage, median, SERVER_NODE_FLAGS } from './server.bench.ts'
import { random } from './support.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres'
const PG_DB = 'gongkai_soak'
const PASSWORD = 'soak-bench-password-2026'
const METRICS_TOKEN = 'soak-bench-metrics-token'
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'
const RSS_EVERY_MS = 5_000
/** Requests in flight beyond which the generator stops issuing (counted as errors): the server has stalled. */
const MAX_IN_FLIGHT = 2_000
const REQUEST_TIMEOUT_MS = 30_000
/** wrk's warm-up of each server before the throughput rounds (every page rendered into each worker's cache). */
const WARMUP_SECONDS = 10
const SEARCH_WORDS = [
  '通知',
  '方案',
  '工作',
  '政府信息公开',
  '示例',
  '正文',
  '事项',
  '印发',
  '进一步',
  '有关',
]

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback
}

function positive(args: string[], name: string, fallback: number): number {
  const value = Number(option(args, name, String(fallback)))
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

/** Today in China (UTC+8), and `days` before it, as YYYY-MM-DD. */
function chinaDay(daysBefore = 0): string {
  return new Date(Date.now() + 8 * 3600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------------------------------------
// Data

interface World {
  readonly env: Record<string, string>
  /** The demo agencies (id), their `policies` column id, and published item paths. */
  readonly agencies: readonly number[]
  readonly bureau: number
  readonly bureauColumnId: number
  readonly itemPaths: readonly string[]
  readonly columnPaths: readonly string[]
  readonly caseIds: readonly number[]
  readonly cleanup: () => Promise<void>
}

async function prepareWorld(engine: string, items: number, applications: number): Promise<World> {
  const work = mkdtempSync(path.join(tmpdir(), 'gongkai-soak-'))
  const dataDir = path.join(work, 'data')
  mkdirSync(dataDir, { recursive: true })
  let url: string | undefined
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_ADMIN })
    await admin.connect()
    try {
      await admin.query(`drop database if exists ${PG_DB} with (force)`)
      await admin.query(`create database ${PG_DB}`)
    } finally {
      await admin.end()
    }
    url = PG_ADMIN.replace(/\/[^/]*$/, `/${PG_DB}`)
  }
  const db = await connect({
    database:
      url === undefined
        ? { engine: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') }
        : { engine: 'postgres', url },
  })
  try {
    const t0 = performance.now()
    await seedDemo(db, { adminPassword: PASSWORD })
    const actor = systemActor('cli')
    const agencyRows = await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute()
    const bureau = agencyRows.find((a) => a.name === '示例区某某局')?.id
    if (bureau === undefined) throw new Error('demo bureau missing')
    for (const a of agencyRows) await ensureDefaultColumns(db, actor, a.id)
    const perAgency = Math.ceil(items / agencyRows.length)
    for (const [k, a] of agencyRows.entries()) {
      const file = path.join(work, `items-${a.id}.jsonl`)
      const lines: string[] = []
      for (let n = 1; n <= perAgency; n++) {
        const serial = k * perAgency + n
        const year = 2016 + (serial % 10)
        const day = `${year}-${String(1 + (serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`
        lines.push(
          JSON.stringify({
            title: `关于印发第${serial}号${SEARCH_WORDS[serial % SEARCH_WORDS.length] ?? ''}工作方案的通知`,
            publishedOn: day,
            writtenOn: day,
            docNumber: `示政发〔${year}〕${serial % 300}号`,
            keywords: ['示例', '方案'],
            bodyHtml:
              `<p>第${serial}号方案正文：为进一步做好政府信息公开工作，现将有关事项通知如下。</p>`.repeat(4),
          }),
        )
      }
      writeFileSync(file, `${lines.join('\n')}\n`)
      const result = await importItems(db, actor, { file, agency: String(a.id), column: 'policies' })
      if (result.totalRejected > 0) {
        throw new Error(`items for agency ${a.id}: ${result.totalRejected} rejected`)
      }
    }
    // Paper applications of the bureau, received yesterday: confirmed, within their period (extendable).
    const appsFile = path.join(work, 'applications.jsonl')
    const appLines: string[] = []
    for (let n = 1; n <= applications; n++) {
      appLines.push(
        JSON.stringify({
          applicantType: 'natural_person',
          name: '张三',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          phone: `139${String(n).padStart(8, '0')}`,
          email: 'zhangsan@example.cn',
          address: '北京市东城区示例路1号',
          postcode: '100010',
          description: `纸质申请 ${n}：2025年本区老旧小区改造项目的资金使用情况`,
          formWanted: 'paper',
          deliveryMethod: 'post',
          channel: 'in_person',
          arrivedOn: chinaDay(1),
        }),
      )
    }
    writeFileSync(appsFile, `${appLines.join('\n')}\n`)
    const apps = await importApplications(db, actor, { file: appsFile, agency: String(bureau) })
    if (apps.totalRejected > 0) throw new Error(`applications: ${apps.totalRejected} rejected`)
    const itemRows = await db
      .selectFrom('catalogue_items as i')
      .innerJoin('catalogue_columns as c', 'c.id', 'i.column_id')
      .select(['i.id', 'i.agency_id', 'c.slug', 'c.id as column_id'])
      .where('i.status', '=', 'published')
      .execute()
    const column = itemRows.find((r) => r.agency_id === bureau)?.column_id
    if (column === undefined) throw new Error('no published item in the bureau')
    const caseRows = await db
      .selectFrom('applications')
      .select('id')
      .where('agency_id', '=', bureau)
      .orderBy('id')
      .execute()
    console.log(
      `data: ${engine}, ${agencyRows.length} demo agencies, ${itemRows.length} published items, ` +
        `${caseRows.length} applications, prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    const env: Record<string, string> = { GONGKAI_DATA_DIR: dataDir }
    if (url !== undefined) env.DATABASE_URL = url
    return {
      env,
      agencies: agencyRows.map((a) => a.id),
      bureau,
      bureauColumnId: column,
      itemPaths: itemRows.map((r) => `/zfxxgk/${r.agency_id}/${r.slug}/${r.id}.html`),
      columnPaths: [...new Set(itemRows.map((r) => `/zfxxgk/${r.agency_id}/${r.slug}/`))],
      caseIds: caseRows.map((r) => r.id),
      cleanup: async () => {
        rmSync(work, { recursive: true, force: true })
        if (url === undefined) return
        const admin = new pg.Client({ connectionString: PG_ADMIN })
        await admin.connect()
        await admin.query(`drop database if exists ${PG_DB} with (force)`).finally(() => admin.end())
      },
    }
  } finally {
    await db.destroy()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Server

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

async function waitFor(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${seconds}s`)
}

/** Process ids of a process and all its descendants (the primary and the workers of --workers). */
function processTree(pid: number): number[] {
  let children: string[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
  } catch {
    // gone
  }
  return [pid, ...children.flatMap((c) => processTree(Number(c)))]
}

/** Resident memory of a process tree in MB: all of it, and its anonymous part (malloc, V8, Buffers). */
function treeMemoryMb(pid: number): { rss: number; anon: number } {
  let rss = 0
  let anon = 0
  for (const p of processTree(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8')
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
      anon += Number(/^Anonymous:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
    } catch {
      // exited in between
    }
  }
  return { rss: rss / 1024, anon: anon / 1024 }
}

/**
 * One mapping of /proc/<pid>/smaps: its address range, size and resident kB, and its name ('' for anonymous);
 * keyed by start address (a growing mapping keeps its start).
 */
interface Mapping {
  readonly range: string
  readonly sizeKb: number
  readonly rssKb: number
  readonly name: string
}

function mappingsOf(pid: number): Map<string, Mapping> {
  const out = new Map<string, Mapping>()
  let text = ''
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8')
  } catch {
    return out
  }
  let current: { range: string; name: string; sizeKb: number; rssKb: number } | undefined
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+-[0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head !== null) {
      if (current !== undefined) out.set(current.range.split('-')[0] ?? '', current)
      current = { range: head[1] ?? '', name: head[2] ?? '', sizeKb: 0, rssKb: 0 }
      continue
    }
    if (current === undefined) continue
    const size = /^Size:\s+(\d+)/.exec(line)
    if (size !== null) current.sizeKb = Number(size[1])
    const rss = /^Rss:\s+(\d+)/.exec(line)
    if (rss !== null) current.rssKb = Number(rss[1])
  }
  if (current !== undefined) out.set(current.range.split('-')[0] ?? '', current)
  return out
}

/**
 * Where resident memory grew between two smaps snapshots, by kind of mapping: the brk heap (glibc's main
 * arena), anonymous mappings starting on a 64 MB boundary (glibc's other arenas: each reserves 64 MB, aligned,
 * and makes the part in use readable), other anonymous mappings (V8's heap pages, large malloc chunks mmap'd on their own, Buffers' backing stores),
 * and files (code, fonts read by mmap, the SQLite file). Also the largest single growths.
 */
function smapsGrowth(before: Map<string, Mapping>, after: Map<string, Mapping>): string[] {
  const kind = (m: Mapping) =>
    m.name === '[heap]'
      ? 'brk heap (main malloc arena)'
      : m.name === ''
        ? BigInt(`0x${m.range.split('-')[0] ?? '0'}`) % 0x4000000n === 0n && m.sizeKb <= 64 * 1024
          ? 'anon at 64 MB boundaries (malloc arenas)'
          : "anon other (V8 pages, mmap'd chunks)"
        : m.name.startsWith('[')
          ? m.name
          : 'files'
  const byKind = new Map<string, { before: number; after: number; count: number }>()
  for (const [snapshot, side] of [
    [before, 'before'],
    [after, 'after'],
  ] as const) {
    for (const m of snapshot.values()) {
      const k = byKind.get(kind(m)) ?? { before: 0, after: 0, count: 0 }
      k[side] += m.rssKb
      if (side === 'after') k.count += 1
      byKind.set(kind(m), k)
    }
  }
  const lines = [...byKind.entries()]
    .sort((a, b) => b[1].after - b[1].before - (a[1].after - a[1].before))
    .map(
      ([k, v]) =>
        `  ${k.padEnd(42)} ${(v.before / 1024).toFixed(1).padStart(7)} → ${(v.after / 1024).toFixed(1).padStart(7)} MB ` +
        `(${v.after >= v.before ? '+' : ''}${((v.after - v.before) / 1024).toFixed(1)}; ${v.count} mappings)`,
    )
  const single = [...after.values()]
    .map((m) => ({ m, was: before.get(m.range.split('-')[0] ?? '') }))
    .map(({ m, was }) => ({ m, was, grew: m.rssKb - (was?.rssKb ?? 0) }))
    .sort((a, b) => b.grew - a.grew)
    .slice(0, 6)
    .map(
      ({ m, was, grew }) =>
        `    ${m.range} ${String(m.sizeKb).padStart(8)} kB ${m.name || '[anon]'}: ${was === undefined ? 'new, ' : ''}` +
        `resident +${(grew / 1024).toFixed(1)} MB`,
    )
  return [...lines, '  largest single growths:', ...single]
}

async function startServer(
  env: Record<string, string>,
  workers: number | undefined,
): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const args = [...SERVER_NODE_FLAGS, path.join(ROOT, 'bin/gongkai.js'), 'serve', '--port', String(port)]
  if (workers !== undefined) args.push('--workers', String(workers))
  const server = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      GONGKAI_ADMIN_PASSWORD: PASSWORD,
      GONGKAI_METRICS_TOKEN: METRICS_TOKEN,
      // One client (this bench) sends every request from 127.0.0.1: raise the per-IP limits.
      GONGKAI_SEARCH_RATE_LIMIT: '10000000',
      GONGKAI_APPLY_SUBMITS_PER_HOUR: '100000',
      GONGKAI_TRACK_LOOKUPS_PER_HOUR: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await waitFor(`${base}/healthz`, server)
  } catch (err) {
    await stop(server)
    throw err
  }
  return { server, base }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP client and statistics

interface Answer {
  readonly status: number
  readonly body: string
  readonly headers: Headers
}

class RouteStats {
  /** From the scheduled start (what a user waits, generator lag included). */
  readonly latencies: number[] = []
  /** From the moment the request was sent (the server's share). */
  readonly service: number[] = []
  errors = 0
  readonly samples: string[] = []

  ok(ms: number, serviceMs: number): void {
    this.latencies.push(ms)
    this.service.push(serviceMs)
  }

  fail(ms: number, serviceMs: number, why: string): void {
    this.ok(ms, serviceMs)
    this.errors += 1
    if (this.samples.length < 3) this.samples.push(why.slice(0, 200))
  }
}

class Stats {
  readonly routes = new Map<string, RouteStats>()

  of(route: string): RouteStats {
    let s = this.routes.get(route)
    if (s === undefined) {
      s = new RouteStats()
      this.routes.set(route, s)
    }
    return s
  }

  get total(): number {
    let n = 0
    for (const s of this.routes.values()) n += s.latencies.length
    return n
  }

  get errors(): number {
    let n = 0
    for (const s of this.routes.values()) n += s.errors
    return n
  }
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/**
 * One request; counted under `route` with its latency from `scheduledAt` (open loop: the time the schedule
 * meant it to start) and from its sending. A status other than `expect` (default: 200 for a GET, any 2xx/3xx
 * for a POST) or a failed request is an error.
 */
async function call(
  stats: Stats,
  route: string,
  scheduledAt: number,
  url: string,
  init: RequestInit & { expect?: number } = {},
): Promise<Answer | undefined> {
  const sentAt = performance.now()
  const expect = init.expect ?? (init.method === undefined ? 200 : undefined)
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...init,
      headers: { 'user-agent': BROWSER, ...(init.headers as Record<string, string> | undefined) },
    })
    const body = await response.text()
    const done = performance.now()
    const ms = done - scheduledAt
    const good =
      expect === undefined ? response.status >= 200 && response.status < 400 : response.status === expect
    if (good) stats.of(route).ok(ms, done - sentAt)
    else {
      const alert = /class="alert[^"]*"[^>]*>([\s\S]{0,160})/.exec(body)?.[1]?.replace(/<[^>]+>/g, ' ')
      stats.of(route).fail(ms, done - sentAt, `${response.status} ${url}${alert ? ` — ${alert.trim()}` : ''}`)
    }
    return { status: response.status, body, headers: response.headers }
  } catch (err) {
    stats
      .of(route)
      .fail(performance.now() - scheduledAt, performance.now() - sentAt, `${url}: ${(err as Error).message}`)
    return undefined
  }
}

function csrfCookieOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c !== '' && !c.startsWith('gk_session='))
    .join('; ')
}

function tokenOf(body: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? ''
}

/** Log in through the form; the cookie header (session + CSRF secret) and a CSRF token for later posts. */
async function login(base: string, username: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${base}/admin/login`)
  const csrf = csrfCookieOf(page.headers)
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrf, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: tokenOf(await page.text()), username, password: PASSWORD }).toString(),
  })
  const session = response.headers.getSetCookie().find((c) => c.startsWith('gk_session='))
  if (session === undefined) throw new Error(`login of ${username} failed with ${response.status}`)
  const cookie = `${session.split(';')[0] ?? ''}; ${csrf}`
  const form = await fetch(`${base}/admin/catalogue/items`, { headers: { cookie } })
  const token = tokenOf(await form.text())
  if (token === '') throw new Error(`no CSRF token for ${username} (${form.status})`)
  return { cookie, token }
}

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = `----soak${Math.random().toString(16).slice(2)}`
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  )
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  }
}

// ---------------------------------------------------------------------------------------------------------
// The mixed open-loop soak

/** The kinds of flow --routes can pick (a comma-separated list; all by default). */
export const ROUTE_GROUPS = ['portal', 'search', 'apply', 'console'] as const
export type RouteGroup = (typeof ROUTE_GROUPS)[number]

interface Flow {
  readonly group: RouteGroup
  readonly weight: number
  run(at: number): Promise<void>
}

/**
 * Before the timed run, every portal page the flows can ask for (homes, columns, column pages 1–20, items) is
 * fetched twice — the first fetch renders it into the render cache, the second builds the raw path's prebuilt
 * answer — so that the bounded caches hold the working set when RSS is first sampled, and growth after the
 * warm-up measures what the server keeps, not what it caches by design. Searches are not primed (their query
 * space is open): the render cache's own size is reported beside RSS for them.
 */
async function primePortal(world: World, base: string): Promise<void> {
  const paths = [
    ...world.agencies.map((a) => `/zfxxgk/${a}/`),
    ...world.columnPaths,
    ...world.columnPaths.flatMap((c) => Array.from({ length: 20 }, (_, i) => `${c}?page=${i + 1}`)),
    ...world.itemPaths,
  ]
  const t0 = performance.now()
  for (let pass = 0; pass < 2; pass++) {
    let next = 0
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++] ?? '/'
        const response = await fetch(base + path, { redirect: 'manual', headers: { 'user-agent': BROWSER } })
        await response.arrayBuffer()
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
  }
  console.log(
    `primed ${paths.length} portal pages twice in ${((performance.now() - t0) / 1000).toFixed(1)} s (render cache and raw answers)`,
  )
}

interface Verdict {
  readonly errors: number
  /** RSS growth after the warm-up, % (raw and net of the render cache's counted bytes). */
  readonly growth: number
  readonly netGrowth: number
  /** RSS trend over the last minutes (MB/min), and over how many. */
  readonly slope: number
  readonly slopeMinutes: number
}

interface Sample {
  /** ms since the timed run started. */
  readonly at: number
  /** Resident memory of the server's process tree, and its anonymous part (smaps_rollup), MB. */
  readonly mb: number
  readonly anonMb: number
  cacheMb: number
  heapMb: number
  heapTotalMb: number
  externalMb: number
  arrayBuffersMb: number
}

/** Least-squares slope of `y` over `at` in MB per minute (NaN with fewer than 2 samples). */
function slopePerMinute(samples: readonly Sample[], y: (s: Sample) => number): number {
  const points = samples.filter((s) => Number.isFinite(y(s)))
  if (points.length < 2) return NaN
  const mx = points.reduce((n, s) => n + s.at, 0) / points.length
  const my = points.reduce((n, s) => n + y(s), 0) / points.length
  let num = 0
  let den = 0
  for (const s of points) {
    num += (s.at - mx) * (y(s) - my)
    den += (s.at - mx) ** 2
  }
  return (num / den) * 60_000
}

async function soak(
  world: World,
  base: string,
  serverPid: number,
  minutes: number,
  rate: number,
  routes: readonly RouteGroup[],
): Promise<Verdict> {
  const stats = new Stats()
  const next = random(2026)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  const officer = await login(base, 'case-officer')
  const publisher = await login(base, 'publisher')
  const form = (who: { cookie: string }) => ({
    'content-type': 'application/x-www-form-urlencoded',
    cookie: who.cookie,
  })
  let caseCursor = 0
  let drafts = 0
  const today = chinaDay()
  const allFlows: Flow[] = [
    {
      group: 'portal',
      weight: 12,
      run: (at) => call(stats, 'GET home', at, base + `/zfxxgk/${pick(world.agencies)}/`).then(),
    },
    {
      group: 'portal',
      weight: 12,
      run: (at) => call(stats, 'GET column', at, base + pick(world.columnPaths)).then(),
    },
    {
      group: 'portal',
      weight: 8,
      run: (at) =>
        call(
          stats,
          'GET column page N',
          at,
          `${base}${pick(world.columnPaths)}?page=${1 + Math.floor(next() * 20)}`,
        ).then(),
    },
    {
      group: 'portal',
      weight: 30,
      run: (at) => call(stats, 'GET item', at, base + pick(world.itemPaths)).then(),
    },
    {
      group: 'search',
      weight: 15,
      run: (at) => {
        const words = [pick(SEARCH_WORDS)]
        if (next() < 0.5) words.push(`第${1 + Math.floor(next() * 4000)}号`)
        return call(stats, 'GET search', at, `${base}/search?q=${encodeURIComponent(words.join(' '))}`).then()
      },
    },
    {
      group: 'apply',
      weight: 5,
      run: async (at) => {
        const formUrl = `${base}/zfxxgk/${world.bureau}/ysqgk/`
        const page = await call(stats, 'GET apply form', at, formUrl)
        if (page === undefined || page.status !== 200) return
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
        const { body, type } = multipart({
          _csrf: tokenOf(page.body),
          idempotencyKey: key,
          applicantType: 'natural_person',
          name: '李四',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          phone: `138${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
          email: 'lisi@example.cn',
          address: '北京市东城区示例路2号',
          postcode: '100010',
          description: `关于${pick(SEARCH_WORDS)}的政府信息（压力测试）`,
          documentRef: '',
          formWanted: 'electronic',
          deliveryMethod: 'email',
        })
        await call(stats, 'POST apply', performance.now(), formUrl, {
          method: 'POST',
          headers: { cookie: csrfCookieOf(page.headers), 'content-type': type },
          body,
        })
      },
    },
    {
      group: 'console',
      weight: 3,
      run: (at) =>
        call(stats, 'GET console queue', at, `${base}/admin/applications`, {
          headers: { cookie: officer.cookie },
          expect: 200,
        }).then(),
    },
    {
      group: 'console',
      weight: 3,
      run: (at) =>
        call(stats, 'GET console case', at, `${base}/admin/applications/${pick(world.caseIds)}`, {
          headers: { cookie: officer.cookie },
          expect: 200,
        }).then(),
    },
    {
      group: 'console',
      weight: 2,
      run: async (at) => {
        // Each case is extended once (the statute allows one extension): walk the imported cases in order.
        const id = world.caseIds[caseCursor++ % world.caseIds.length] ?? 0
        if (caseCursor > world.caseIds.length) return
        await call(
          stats,
          'POST console step (extension)',
          at,
          `${base}/admin/applications/${id}/steps/extension`,
          {
            method: 'POST',
            headers: form(officer),
            body: new URLSearchParams({
              _csrf: officer.token,
              on: today,
              approver: '王局长',
              workingDays: '20',
              reason: '需要调取档案，延期答复',
            }).toString(),
            expect: 303,
          },
        )
      },
    },
    {
      group: 'console',
      weight: 2,
      run: (at) =>
        call(stats, 'POST console draft item', at, `${base}/admin/catalogue/items/new`, {
          method: 'POST',
          headers: form(publisher),
          body: new URLSearchParams({
            _csrf: publisher.token,
            columnId: String(world.bureauColumnId),
            title: `压力测试草稿${++drafts}：关于${pick(SEARCH_WORDS)}的通知`,
            docNumber: '',
            madeOn: today,
            bodyHtml: '<p>草稿正文。</p>',
            intent: 'save',
          }).toString(),
          expect: 303,
        }).then(),
    },
  ]
  const flows = allFlows.filter((f) => routes.includes(f.group))
  const totalWeight = flows.reduce((n, f) => n + f.weight, 0)
  const chooseFlow = (): Flow => {
    let r = next() * totalWeight
    for (const f of flows) {
      r -= f.weight
      if (r < 0) return f
    }
    return flows[0] as Flow
  }

  await primePortal(world, base)

  const durationMs = minutes * 60_000
  const warmupMs = Math.min(60_000, durationMs / 4)
  const rss: Sample[] = []
  // smaps of the serving process at the baseline sample (the lowest RSS of the minute after warm-up) and at the end.
  const servingPid = processTree(serverPid).at(-1) ?? serverPid
  let baselineMaps: { mb: number; maps: Map<string, Mapping> } | undefined
  const cpu0 = cpuMicrosOf(serverPid)
  const started = performance.now()
  let issued = 0
  let inFlight = 0
  let dropped = 0
  let maxLagMs = 0
  const pending = new Set<Promise<void>>()
  // With each RSS sample (and its anonymous part), from /metrics: the render cache's size (bounded at 64 MB, it
  // fills as distinct pages and searches are asked for: growth that is not a leak), the V8 heap used and
  // reserved, and the memory outside it that JavaScript objects hold (external, of which ArrayBuffers/Buffers).
  const sampleRss = () => {
    const memory = treeMemoryMb(serverPid)
    const sample: Sample = {
      at: performance.now() - started,
      mb: memory.rss,
      anonMb: memory.anon,
      cacheMb: NaN,
      heapMb: NaN,
      heapTotalMb: NaN,
      externalMb: NaN,
      arrayBuffersMb: NaN,
    }
    rss.push(sample)
    if (
      sample.at >= warmupMs &&
      sample.at < warmupMs + 60_000 &&
      (baselineMaps?.mb ?? Infinity) > sample.mb
    ) {
      baselineMaps = { mb: sample.mb, maps: mappingsOf(servingPid) }
    }
    const mb = (m: Map<string, number>, name: string) => (m.get(name) ?? NaN) / 1024 / 1024
    void metricsOf(base).then((m) => {
      sample.cacheMb = mb(m, 'gongkai_portal_cache_bytes')
      sample.heapMb = mb(m, 'gongkai_process_heap_used_bytes')
      sample.heapTotalMb = mb(m, 'gongkai_process_heap_total_bytes')
      sample.externalMb = mb(m, 'gongkai_process_external_memory_bytes')
      sample.arrayBuffersMb = mb(m, 'gongkai_process_array_buffers_bytes')
    })
  }
  sampleRss()
  const rssTimer = setInterval(sampleRss, RSS_EVERY_MS)
  console.log(
    `soak: ${minutes} min open-loop at ${rate} flows/s (a flow is 1 request, 2 for a submission), ` +
      `warm-up ${warmupMs / 1000} s; load average ${loadAverage()}`,
  )
  let lastReport = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now()
      const elapsed = now - started
      if (elapsed >= durationMs) {
        clearInterval(timer)
        resolve()
        return
      }
      // Flow k is due at k / rate seconds (flow 0 at once).
      const due = Math.floor((elapsed / 1000) * rate) + 1
      while (issued < due) {
        const scheduledAt = started + (issued / rate) * 1000
        maxLagMs = Math.max(maxLagMs, now - scheduledAt)
        issued += 1
        if (inFlight >= MAX_IN_FLIGHT) {
          dropped += 1
          continue
        }
        inFlight += 1
        const p: Promise<void> = chooseFlow()
          .run(scheduledAt)
          .catch((err: unknown) => stats.of('flow').fail(0, 0, String(err)))
          .finally(() => {
            inFlight -= 1
            pending.delete(p)
          })
        pending.add(p)
      }
      if (elapsed - lastReport >= 60_000) {
        lastReport = elapsed
        console.log(
          `  ${(elapsed / 60_000).toFixed(0)} min: ${stats.total} requests, ${stats.errors} errors, in flight ${inFlight}, ` +
            `RSS ${rss.at(-1)?.mb.toFixed(0)} MB (V8 heap used ${rss.at(-1)?.heapMb.toFixed(0)} MB, render cache ` +
            `${rss.at(-1)?.cacheMb.toFixed(0)} MB), load ${loadAverage()}`,
        )
      }
    }
    const timer = setInterval(tick, 5)
  })
  await Promise.all(pending)
  clearInterval(rssTimer)
  sampleRss()
  const endMaps = mappingsOf(servingPid)
  const wallS = (performance.now() - started) / 1000
  const cpuS = (cpuMicrosOf(serverPid) - cpu0) / 1e6

  console.log(
    `\nper route, ms: p50/p95/p99/max from the scheduled start (open loop), then p50/p99 from the send (server only)`,
  )
  console.log(
    `${'route'.padEnd(30)} ${'count'.padStart(6)} ${'errors'.padStart(6)}     p50     p95     p99     max | send p50 p99`,
  )
  for (const [route, s] of [...stats.routes.entries()].sort()) {
    const sorted = [...s.latencies].sort((a, b) => a - b)
    const service = [...s.service].sort((a, b) => a - b)
    const f = (v: number) => v.toFixed(1).padStart(7)
    console.log(
      `${route.padEnd(30)} ${String(sorted.length).padStart(6)} ${String(s.errors).padStart(6)} ` +
        `${f(percentile(sorted, 0.5))} ${f(percentile(sorted, 0.95))} ${f(percentile(sorted, 0.99))} ${f(sorted.at(-1) ?? NaN)} |` +
        `${f(percentile(service, 0.5))} ${f(percentile(service, 0.99))}`,
    )
    for (const sample of s.samples) console.log(`    e.g. ${sample}`)
  }
  const total = stats.total
  const errors = stats.errors + dropped
  console.log(
    `total ${total} requests in ${wallS.toFixed(0)} s (${(total / wallS).toFixed(1)} req/s), errors ${errors} ` +
      `(target 0)${dropped > 0 ? `, ${dropped} flows not sent (over ${MAX_IN_FLIGHT} in flight)` : ''}; ` +
      `generator lag max ${maxLagMs.toFixed(0)} ms`,
  )
  console.log(
    `server CPU ${cpuS.toFixed(1)} s over ${wallS.toFixed(0)} s = ${((cpuS / wallS) * 100).toFixed(0)} % of one core, ` +
      `${((cpuS / Math.max(1, total)) * 1e6).toFixed(0)} µs CPU/request`,
  )
  // RSS: the median of the samples (5 s apart) in the minute after the warm-up against the median of those in
  // the last minute. Both windows are read the same way, so V8's collection cycle (its reserved heap swings by
  // tens of MB between collections) weighs equally on both ends; a single sample at either end measured where
  // that cycle happened to be. Also net of the render cache's own growth (its counted bytes), bounded, not a leak.
  await new Promise((r) => setTimeout(r, 500)) // the last /metrics reads
  const firstMinute = rss.filter((r) => r.at >= warmupMs && r.at < warmupMs + 60_000)
  const startWindow = firstMinute.length > 0 ? firstMinute : rss.filter((r) => r.at >= warmupMs).slice(0, 1)
  const lastMinute = rss.filter((r) => r.at >= durationMs - 60_000)
  const endWindow = lastMinute.length > 0 ? lastMinute : rss.slice(-3)
  const atWarmup =
    startWindow.length === 0
      ? undefined
      : { mb: median(startWindow.map((r) => r.mb)), cacheMb: median(startWindow.map((r) => r.cacheMb)) }
  const end = median(endWindow.map((r) => r.mb))
  const endCache = median(endWindow.map((r) => r.cacheMb))
  const netStart = median(startWindow.map((r) => r.mb - r.cacheMb))
  const netEnd = median(endWindow.map((r) => r.mb - r.cacheMb))
  const peak = Math.max(...rss.map((r) => r.mb))
  const growth = atWarmup === undefined ? NaN : ((end - atWarmup.mb) / atWarmup.mb) * 100
  const netGrowth = atWarmup === undefined ? NaN : ((netEnd - netStart) / netStart) * 100
  const lowest = (xs: { mb: number }[]) => Math.min(...xs.map((r) => r.mb))
  console.log(
    `server RSS: ${rss[0]?.mb.toFixed(0)} MB at start, ${atWarmup?.mb.toFixed(0)} MB after warm-up (median of the minute after), ` +
      `${end.toFixed(0)} MB at the end (median of the last minute), peak ${peak.toFixed(0)} MB; ` +
      `growth after warm-up ${growth.toFixed(1)} % (target < 10 %); lowest sample of each minute ` +
      `${lowest(startWindow).toFixed(0)} → ${lowest(endWindow).toFixed(0)} MB`,
  )
  console.log(
    `render cache (counted bytes, bound 64 MB): ${atWarmup?.cacheMb.toFixed(1)} MB after warm-up, ${endCache.toFixed(1)} MB at the end; ` +
      `RSS growth net of the render cache ${netGrowth.toFixed(1)} %`,
  )
  // A leak shows in the live heap, which is what the heap is down to after a major collection: the lowest
  // heap sample over the minute after the warm-up against the lowest over the last minute.
  const lowestHeap = (from: number, to: number) =>
    Math.min(
      ...rss.filter((r) => r.at >= from && r.at <= to && Number.isFinite(r.heapMb)).map((r) => r.heapMb),
    )
  const heapAfterWarmup = lowestHeap(warmupMs, warmupMs + 60_000)
  const heapAtEnd = lowestHeap(durationMs - 60_000, durationMs + RSS_EVERY_MS)
  console.log(
    `V8 heap used, lowest sample (≈ live after a collection): ${heapAfterWarmup.toFixed(0)} MB in the minute after ` +
      `warm-up, ${heapAtEnd.toFixed(0)} MB in the last minute (${(((heapAtEnd - heapAfterWarmup) / heapAfterWarmup) * 100).toFixed(1)} %)`,
  )
  // Where the memory is, per minute: all resident, its anonymous part, the V8 heap (used / reserved), the
  // memory outside the heap held by JavaScript objects (external, of which ArrayBuffers and Buffers) and the
  // render cache. Anonymous memory that none of these accounts for is native: malloc'd by addons (SQLite, pg's
  // parser is JS), zlib, OpenSSL, or the allocator's free lists that were not returned to the kernel.
  console.log(
    `per minute, MB: ${['RSS', 'anon', 'heap used', 'heap total', 'external', 'arrayBuffers', 'render cache'].join(' / ')}`,
  )
  for (let m = 1; m * 60_000 <= durationMs + RSS_EVERY_MS; m++) {
    const r = rss.filter((x) => x.at <= m * 60_000).at(-1)
    if (r === undefined) continue
    const f = (v: number) => v.toFixed(1).padStart(6)
    console.log(
      `  ${String(m).padStart(3)} min ${f(r.mb)} ${f(r.anonMb)} ${f(r.heapMb)} ${f(r.heapTotalMb)} ${f(r.externalMb)} ` +
        `${f(r.arrayBuffersMb)} ${f(r.cacheMb)}`,
    )
  }
  // The trend of the last minutes (least squares over their samples), for each part: a leak keeps a slope, an
  // allocator that has reached its working set levels off.
  const tailMinutes = Math.max(1, Math.min(5, Math.floor((durationMs - warmupMs) / 120_000)))
  const tail = rss.filter((r) => r.at >= durationMs - tailMinutes * 60_000)
  const slope = (y: (s: Sample) => number) => {
    const v = slopePerMinute(tail, y)
    return `${v >= 0 ? '+' : ''}${v.toFixed(2)}`
  }
  console.log(
    `slope over the last ${tailMinutes} min, MB/min: RSS ${slope((r) => r.mb)}, anon ${slope((r) => r.anonMb)}, ` +
      `heap used ${slope((r) => r.heapMb)}, heap total ${slope((r) => r.heapTotalMb)}, external ${slope((r) => r.externalMb)}, ` +
      `arrayBuffers ${slope((r) => r.arrayBuffersMb)}, render cache ${slope((r) => r.cacheMb)}`,
  )
  if (baselineMaps !== undefined) {
    console.log(
      `resident memory of the serving process (pid ${servingPid}) by mapping, baseline sample → end (/proc/pid/smaps):`,
    )
    for (const line of smapsGrowth(baselineMaps.maps, endMaps)) console.log(line)
  }
  await printMetrics(base)
  console.log(`load average at the end: ${loadAverage()}`)
  return { errors, growth, netGrowth, slope: slopePerMinute(tail, (r) => r.mb), slopeMinutes: tailMinutes }
}

/** The unlabelled samples of GET /metrics (empty when it cannot be read). */
async function metricsOf(base: string): Promise<Map<string, number>> {
  const values = new Map<string, number>()
  try {
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    for (const line of (await response.text()).split('\n')) {
      const m = /^([a-z_]+) (\S+)$/.exec(line)
      if (m !== null) values.set(m[1] ?? '', Number(m[2]))
    }
  } catch {
    // not answered: the sample stays NaN
  }
  return values
}

/** What the server counted itself (GET /metrics): 5xx answers and the portal cache. */
async function printMetrics(base: string): Promise<void> {
  try {
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text()
    const sum = (re: RegExp) =>
      text
        .split('\n')
        .filter((l) => re.test(l))
        .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0)
    console.log(
      `server's /metrics: ${sum(/^gongkai_http_requests_total\{/)} requests counted by the server (cache hits answered before Fastify included) ` +
        `(${sum(/^gongkai_http_requests_total\{.*status="5xx"/)} 5xx), ` +
        `portal cache hits ${sum(/^gongkai_portal_cache_hits_total /)}, misses ${sum(/^gongkai_portal_cache_misses_total /)}`,
    )
  } catch (err) {
    console.log(`/metrics not read: ${(err as Error).message}`)
  }
}

// ---------------------------------------------------------------------------------------------------------
// Closed-loop throughput, 1 vs 2 processes

const WRK_SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("SOAK_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["User-Agent"] = "${BROWSER}" })
end
`

interface Throughput {
  readonly rps: number
  readonly p99ms: number
  readonly cpuMicros: number
  readonly errors: number
}

function wrkMixed(
  base: string,
  pathsFile: string,
  scriptFile: string,
  seconds: number,
  pid: number,
): Throughput {
  const cpu0 = cpuMicrosOf(pid)
  const out = execFileSync('wrk', ['-t1', '-c32', `-d${seconds}s`, '--latency', '-s', scriptFile, base], {
    encoding: 'utf8',
    env: { ...process.env, SOAK_PATHS: pathsFile },
  })
  const cpu = cpuMicrosOf(pid) - cpu0
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN)
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out)
  const unit = p99?.[2] ?? 'ms'
  const p99ms = Number(p99?.[1] ?? NaN) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p99ms,
    cpuMicros: cpu / requests,
    errors:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
      [...out.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[2]), 0),
  }
}

async function throughput(world: World, seconds: number, rounds: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-soak-wrk-'))
  const next = random(7)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  // 2,000 requests in a fixed order: 70 % portal pages (cache hits once warm), 30 % searches (database).
  const paths: string[] = []
  for (let i = 0; i < 2000; i++) {
    const r = next()
    if (r < 0.1) paths.push(`/zfxxgk/${pick(world.agencies)}/`)
    else if (r < 0.25) paths.push(pick(world.columnPaths))
    else if (r < 0.7) paths.push(pick(world.itemPaths))
    else {
      paths.push(
        `/search?q=${encodeURIComponent(`${pick(SEARCH_WORDS)} 第${1 + Math.floor(next() * 4000)}号`)}`,
      )
    }
  }
  const pathsFile = path.join(dir, 'paths.txt')
  const scriptFile = path.join(dir, 'mixed.lua')
  writeFileSync(pathsFile, `${paths.join('\n')}\n`)
  writeFileSync(scriptFile, WRK_SCRIPT)
  // Both servers up at once (the idle one costs nothing), warmed, then measured in interleaved rounds so the
  // load of the shared machine drifts over both alike; medians reported.
  const servers: { workers: number; server: ChildProcess; base: string }[] = []
  try {
    for (const workers of [1, 2]) servers.push({ workers, ...(await startServer(world.env, workers)) })
    await new Promise((r) => setTimeout(r, 2_000))
    const runs = new Map<number, Throughput[]>(servers.map((s) => [s.workers, []]))
    for (const s of servers) wrkMixed(s.base, pathsFile, scriptFile, WARMUP_SECONDS, s.server.pid ?? 0)
    console.log(`load average before: ${loadAverage()}`)
    for (let round = 0; round < rounds; round++) {
      for (const s of servers) {
        runs.get(s.workers)?.push(wrkMixed(s.base, pathsFile, scriptFile, seconds, s.server.pid ?? 0))
      }
    }
    console.log(`load average after: ${loadAverage()}`)
    const rps: Record<number, number> = {}
    for (const [workers, xs] of runs) {
      rps[workers] = median(xs.map((x) => x.rps))
      console.log(
        `serve --workers ${workers}: ${rps[workers]?.toFixed(0)} req/s (median of ${xs.map((x) => x.rps.toFixed(0)).join(', ')}), ` +
          `p99 ${median(xs.map((x) => x.p99ms)).toFixed(1)} ms, server CPU ${median(xs.map((x) => x.cpuMicros)).toFixed(0)} µs/request, ` +
          `errors ${xs.reduce((n, x) => n + x.errors, 0)}`,
      )
    }
    console.log(
      `throughput ratio 2 processes / 1 process: ${((rps[2] ?? NaN) / (rps[1] ?? NaN)).toFixed(2)} ` +
        `(${availableParallelism()} CPUs on this machine, shared with wrk, PostgreSQL and anything else running)`,
    )
  } finally {
    await Promise.all(servers.map((s) => stop(s.server)))
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------

export default async function soakBench(args: string[]): Promise<void> {
  const engine = option(args, '--engine', 'sqlite')
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres')
  const minutes = positive(args, '--minutes', 10)
  const rate = positive(args, '--rate', 40)
  const workersArg = args.includes('--workers') ? positive(args, '--workers', 1) : undefined
  if (workersArg !== undefined && workersArg > 1 && engine === 'sqlite') {
    throw new Error('--workers > 1 needs --engine postgres')
  }
  const routes = option(args, '--routes', ROUTE_GROUPS.join(','))
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '') as RouteGroup[]
  const unknown = routes.filter((r) => !ROUTE_GROUPS.includes(r))
  if (unknown.length > 0 || routes.length === 0) {
    throw new Error(`--routes takes a comma-separated list of ${ROUTE_GROUPS.join(', ')}`)
  }
  const items = positive(args, '--items', 4000)
  const applications = positive(args, '--applications', 2000)
  const throughputSeconds = positive(args, '--throughput-seconds', 20)
  const throughputRounds = positive(args, '--throughput-rounds', 3)
  const skipThroughput = args.includes('--skip-throughput') || engine !== 'postgres'
  console.log(
    `soak bench: engine ${engine}, node ${process.version}, ${minutes} min at ${rate}/s, routes ${routes.join(',')}; ` +
      `load average ${loadAverage()}`,
  )
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], { stdio: 'ignore' })
  } catch {
    console.log('build failed: the server runs from the sources through tsx')
  }
  const world = await prepareWorld(engine, items, applications)
  let verdict: Verdict | undefined
  try {
    const { server, base } = await startServer(world.env, workersArg)
    try {
      verdict = await soak(world, base, server.pid ?? 0, minutes, rate, routes)
    } finally {
      await stop(server)
    }
    if (!skipThroughput) {
      console.log(
        `\nclosed-loop throughput (wrk -t1 -c32, ${throughputRounds} interleaved rounds of ${throughputSeconds} s ` +
          `after ${WARMUP_SECONDS} s of warm-up; mixed portal pages + searches):`,
      )
      await throughput(world, throughputSeconds, throughputRounds)
    } else if (engine !== 'postgres') {
      console.log('\n(1 vs 2 processes: PostgreSQL only; run with --engine postgres)')
    }
  } finally {
    await world.cleanup()
  }
  if (verdict === undefined) return
  // The render cache is bounded (64 MB) and fills for as long as new pages and searches are asked for, so the
  // leak check is the growth of everything else; the raw figure is printed beside it.
  const ok = verdict.errors === 0 && verdict.netGrowth < 10
  console.log(
    `\n${ok ? 'OK' : 'FAILED'}: ${verdict.errors} errors (target 0); RSS growth after warm-up ` +
      `${verdict.netGrowth.toFixed(1)} % net of the render cache (target < 10 %), ${verdict.growth.toFixed(1)} % raw; ` +
      `RSS slope over the last ${verdict.slopeMinutes} min ${verdict.slope >= 0 ? '+' : ''}${verdict.slope.toFixed(2)} MB/min`,
  )
  if (!ok) process.exitCode = 1
}
