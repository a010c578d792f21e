// The kill -9 crash test, shared by src/ops/crash.db.test.ts (a few kills) and `npm run bench -- crash` (20):
// a real `gongkai serve` process (SQLite file or PostgreSQL) receives writes at a steady rate — 依申请公开
// applications through the public form, items created through the API, and publications (submit + approve) —
// and is killed with SIGKILL at random moments, then started again. Every write that was acknowledged
// (a 2xx answer received) must be in the database afterwards, and SQLite's integrity_check must say ok.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { connect, type DB } from '../../src/storage/index.ts'
import { freePort } from '../free-port.ts'

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url))
const PASSWORD = 'crash-test-password-2026'

export interface CrashOptions {
  /** SQLite when absent; else a postgres:// URL (with ?options=-c search_path=… for a schema). */
  readonly databaseUrl?: string
  /** PostgreSQL schema to verify in (the one the URL's search_path names). */
  readonly pgSchema?: string
  readonly dataDir: string
  readonly kills: number
  /** Write operations started per second while the server is up. */
  readonly rate: number
  /** How long the server runs under load before each kill: uniformly in [min, max] ms. */
  readonly upMs: readonly [number, number]
  readonly log?: (line: string) => void
}

export interface CrashReport {
  readonly kills: number
  readonly acknowledged: { applications: number; items: number; publications: number }
  readonly lost: { applications: number; items: number; publications: number }
  /** Requests that got no 2xx (connection reset by the kill, refused while down, or an error status). */
  readonly unacknowledged: number
  readonly errorStatuses: Readonly<Record<string, number>>
  readonly integrity: string
  readonly loadSeconds: number
  readonly achievedRate: number
}

class Jar {
  private readonly cookies = new Map<string, string>()
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  take(response: Response): void {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (pair !== undefined && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
  }
}

class ApiUser {
  readonly jar = new Jar()
  token = ''
  constructor(
    private readonly base: () => string,
    private readonly username: string,
  ) {}

  async login(): Promise<void> {
    const t = await fetch(`${this.base()}/api/v1/csrf-token`, { headers: { cookie: this.jar.header() } })
    this.jar.take(t)
    this.token = ((await t.json()) as { data: { token: string } }).data.token
    const r = await this.post('/api/v1/session', { username: this.username, password: PASSWORD })
    if (r.status !== 201) throw new Error(`login ${this.username}: ${r.status} ${await r.text()}`)
  }

  async post(path: string, body: unknown): Promise<Response> {
    const r = await fetch(`${this.base()}${path}`, {
      method: 'POST',
      headers: { cookie: this.jar.header(), 'x-csrf-token': this.token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
    this.jar.take(r)
    return r
  }
}

function randomBetween([min, max]: readonly [number, number]): number {
  return min + Math.random() * (max - min)
}

/** Run the crash test; resolves with the figures (it does not assert: the caller does). */
export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined)
  let base = ''
  let server: ChildProcess | undefined
  let output = ''
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GONGKAI_DATA_DIR: options.dataDir,
    GONGKAI_ADMIN_PASSWORD: PASSWORD,
    GONGKAI_FROM_SOURCE: '1',
    GONGKAI_APPLY_SUBMITS_PER_HOUR: '100000',
    LOG_LEVEL: 'warn',
  }
  delete env.DATABASE_URL
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl

  async function start(): Promise<void> {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    output = ''
    server = spawn(
      process.execPath,
      [BIN, 'serve', '--demo', '--port', String(port), '--host', '127.0.0.1'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    server.stdout?.on('data', (c: Buffer) => (output += c.toString()))
    server.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    for (let i = 0; i < 1200; i++) {
      if (server.exitCode !== null) throw new Error(`server exited at start:\n${output}`)
      try {
        if ((await fetch(`${base}/healthz`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`server did not answer:\n${output}`)
  }

  async function kill(): Promise<void> {
    if (server === undefined || server.exitCode !== null) return
    const exited = once(server, 'exit')
    server.kill('SIGKILL')
    await exited
  }

  const baseOf = () => base
  const publisher = new ApiUser(baseOf, 'publisher')
  const reviewer = new ApiUser(baseOf, 'reviewer')
  const acked = {
    applications: [] as string[],
    items: new Map<number, string>(),
    publications: [] as number[],
  }
  const toPublish: number[] = []
  const errorStatuses: Record<string, number> = {}
  let unacknowledged = 0
  let started = 0
  let loadMs = 0
  let serial = 0
  let bureauId = 0
  let columnId = 0

  function fail(why: string): void {
    unacknowledged++
    errorStatuses[why] = (errorStatuses[why] ?? 0) + 1
  }

  async function apply(): Promise<void> {
    const n = ++serial
    const form = await fetch(`${base}/zfxxgk/${bureauId}/ysqgk/`)
    const jar = new Jar()
    jar.take(form)
    const page = await form.text()
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const body = new FormData()
    const fields: Record<string, string> = {
      _csrf: csrf,
      idempotencyKey: key,
      applicantType: 'natural_person',
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      email: 'zhangsan@example.cn',
      address: '北京市东城区示例路1号',
      postcode: '100010',
      description: `崩溃测试申请 ${n}：2025年本区老旧小区改造项目的资金使用情况`,
      documentRef: '',
      formWanted: 'electronic',
      deliveryMethod: 'email',
    }
    for (const [k, v] of Object.entries(fields)) body.append(k, v)
    const r = await fetch(`${base}/zfxxgk/${bureauId}/ysqgk/`, {
      method: 'POST',
      headers: { cookie: jar.header() },
      body,
      signal: AbortSignal.timeout(15_000),
    })
    const text = await r.text()
    const code = /id="tracking-code"[^>]*>\s*([0-9A-Z]+)\s*</.exec(text)?.[1]
    if (r.status === 200 && code !== undefined) acked.applications.push(code)
    else fail(`application ${r.status}`)
  }

  async function createItem(): Promise<void> {
    const title = `崩溃测试信息 ${++serial}`
    const r = await publisher.post('/api/v1/items', {
      columnId,
      title,
      madeOn: '2026-11-02',
      bodyHtml: `<p>${title}</p>`,
    })
    if (r.status === 201) {
      const id = ((await r.json()) as { data: { id: number } }).data.id
      acked.items.set(id, title)
      toPublish.push(id)
    } else fail(`item ${r.status}`)
  }

  async function publish(): Promise<void> {
    const id = toPublish.shift()
    if (id === undefined) return createItem()
    const s = await publisher.post(`/api/v1/items/${id}/submit`, {})
    // After a kill the submit may have committed without its answer arriving: then the item is in review.
    if (s.status !== 200 && s.status !== 409) return fail(`submit ${s.status}`)
    const a = await reviewer.post(`/api/v1/items/${id}/approve`, {})
    if (a.status === 200) acked.publications.push(id)
    else fail(`approve ${a.status}`)
  }

  const ops = [apply, createItem, publish]
  async function oneOp(i: number): Promise<void> {
    try {
      await (ops[i % ops.length] as () => Promise<void>)()
    } catch (err) {
      fail(err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.name) : 'error')
    }
  }

  async function load(ms: number): Promise<void> {
    const inFlight = new Set<Promise<void>>()
    const until = performance.now() + ms
    const interval = 1000 / options.rate
    let next = performance.now()
    const t0 = performance.now()
    const before = [acked.applications.length, acked.items.size, acked.publications.length]
    // Past the random moment, keep going (at most 20 s more) until this phase has one acknowledged write of
    // each kind: on a saturated machine a short phase could otherwise end before anything was answered.
    const progressed = () =>
      acked.applications.length > (before[0] ?? 0) &&
      acked.items.size > (before[1] ?? 0) &&
      acked.publications.length > (before[2] ?? 0)
    while (performance.now() < until || (!progressed() && performance.now() < until + 20_000)) {
      if (inFlight.size < 64) {
        const p = oneOp(started++).finally(() => inFlight.delete(p))
        inFlight.add(p)
      }
      next += interval
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
    }
    loadMs += performance.now() - t0
    // The kill lands while requests are in flight.
    await kill()
    await Promise.allSettled([...inFlight])
  }

  let db: DB | undefined
  try {
    await start()
    db = await connect(
      options.databaseUrl === undefined
        ? { database: { engine: 'sqlite', file: join(options.dataDir, 'gongkai.sqlite') } }
        : { database: { engine: 'postgres', url: options.databaseUrl } },
      {
        migrate: false,
        pgPoolSize: 2,
        ...(options.pgSchema === undefined ? {} : { pgSchema: options.pgSchema }),
      },
    )
    const bureau = await db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '示例区某某局')
      .executeTakeFirstOrThrow()
    bureauId = bureau.id
    const admin = new ApiUser(baseOf, 'admin')
    await admin.login()
    const created = await admin.post(`/api/v1/agencies/${bureauId}/columns`, {
      name: '崩溃测试栏目',
      slug: 'crash-test',
    })
    if (created.status !== 201) throw new Error(`column: ${created.status} ${await created.text()}`)
    columnId = ((await created.json()) as { data: { id: number } }).data.id
    for (let k = 1; k <= options.kills; k++) {
      if (k > 1) await start()
      await publisher.login()
      await reviewer.login()
      const up = randomBetween(options.upMs)
      await load(up)
      log(
        `kill ${k}/${options.kills} after ${Math.round(up)} ms: acknowledged ${acked.applications.length} applications, ` +
          `${acked.items.size} items, ${acked.publications.length} publications; ${unacknowledged} unacknowledged`,
      )
    }
    await start() // comes back after the last kill
    const codes = new Set(
      (await db.selectFrom('applications').select('tracking_code').execute()).map((r) => r.tracking_code),
    )
    const items = new Map(
      (await db.selectFrom('catalogue_items').select(['id', 'title', 'status']).execute()).map((r) => [
        r.id,
        r,
      ]),
    )
    const lost = {
      applications: acked.applications.filter((c) => !codes.has(c)).length,
      items: [...acked.items].filter(([id, title]) => items.get(id)?.title !== title).length,
      publications: acked.publications.filter((id) => items.get(id)?.status !== 'published').length,
    }
    let integrity = 'n/a (PostgreSQL)'
    if (options.databaseUrl === undefined) {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
      integrity = rows.map((r) => r.integrity_check).join(', ')
    }
    return {
      kills: options.kills,
      acknowledged: {
        applications: acked.applications.length,
        items: acked.items.size,
        publications: acked.publications.length,
      },
      lost,
      unacknowledged,
      errorStatuses,
      integrity,
      loadSeconds: loadMs / 1000,
      achievedRate: started / (loadMs / 1000),
    }
  } finally {
    await kill()
    await db?.destroy()
  }
}
