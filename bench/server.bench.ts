// `npm run bench -- server [--duration S]`: wrk at 64 connections against `GET /healthz` and the logged-in
// dashboard of a real `gongkai serve` process, and against a bare Fastify hello-world as this machine's
// ceiling. Prints requests/s, the dashboard/ceiling ratio and the server's RSS. Targets (issue 3): dashboard
// ≥ 0.5 × hello-world; RSS < 150 MB. Loopback only; every run is bounded by its duration.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../test/free-port.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const ADMIN_PASSWORD = 'bench-password-2026'
const CONNECTIONS = 64
/**
 * The V8 flags `npm start` runs the server with (package.json): young generation capped at 2 × 4 MB instead
 * of 2 × 16 MB, ≈25 MB less resident memory at no CPU cost measurable per request (docs/architecture.md).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4']

const HELLO_WORLD = `
import Fastify from 'fastify'
const app = Fastify({ logger: false })
app.get('/', async () => ({ hello: 'world' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
`

async function waitFor(url: string, child: ChildProcess, seconds = 60): Promise<void> {
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

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

/**
 * User plus system CPU time a process and its direct children (nginx's worker) have used so far, in
 * microseconds (Linux /proc, clock ticks of 10 ms).
 */
export function cpuMicrosOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  let micros = (Number(fields[11]) + Number(fields[12])) * 10_000
  let children: string[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
  } catch {
    // no children file (older kernels): the process alone
  }
  for (const child of children) micros += cpuMicrosOf(Number(child))
  return micros
}

export interface WrkRun {
  readonly rps: number
  readonly requests: number
  /** The server process's CPU time per request (µs): independent of how loaded the shared machine is. */
  readonly cpuMicros: number
  /** wrk's 99th-percentile latency in ms (NaN without --latency). */
  readonly p99ms: number
}

function toMs(value: string, unit: string): number {
  const n = Number(value)
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n
}

/**
 * One wrk run at 64 connections; `pid` is the server's process, whose CPU time over the run is divided by the
 * requests served. Responses other than 2xx/3xx make it throw.
 */
export function wrk(url: string, seconds: number, pid: number | undefined, headers: string[] = []): WrkRun {
  const args = [
    '-t2',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    ...headers.flatMap((h) => ['-H', h]),
    url,
  ]
  const cpuBefore = pid === undefined ? NaN : cpuMicrosOf(pid)
  const out = execFileSync('wrk', args, { encoding: 'utf8' })
  const cpu = pid === undefined ? NaN : cpuMicrosOf(pid) - cpuBefore
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1]
  if (errors !== undefined) throw new Error(`${url}: ${errors} error responses\n${out}`)
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN)
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out)
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    requests,
    cpuMicros: cpu / requests,
    p99ms: p99 ? toMs(p99[1] ?? '', p99[2] ?? '') : NaN,
  }
}

export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

/**
 * Log in through the real form (CSRF cookie and token, then the password) and return the cookie header a
 * browser would send afterwards: the session and the CSRF secret (without the latter every page would mint
 * a new secret, which a browser never makes the server do).
 */
async function login(base: string): Promise<string> {
  const page = await fetch(`${base}/admin/login`)
  const csrfCookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, username: 'admin', password: ADMIN_PASSWORD }).toString(),
  })
  const session = response.headers.getSetCookie().find((c) => c.startsWith('gk_session='))
  if (session === undefined) throw new Error(`login failed with ${response.status}`)
  return `${session.split(';')[0] ?? ''}; ${csrfCookie}`
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export default async function serverBench(args: string[]): Promise<void> {
  const durationArg = args.indexOf('--duration')
  const seconds = durationArg >= 0 ? Number(args[durationArg + 1]) : 10
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is fatal.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('wrk not found: apt-get install wrk')
    }
  }

  // Measure the compiled server, as `npm start` and a deployment run it: dist/main.js is what bin/gongkai.js
  // runs when the build is fresh. Started directly, so a source saved by someone else in between cannot
  // send it through tsx.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], { stdio: 'inherit' })
  const helloPort = await freePort()
  const hello = spawn(process.execPath, ['--input-type=module', '-e', HELLO_WORLD], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(helloPort) },
    stdio: 'inherit',
  })
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-bench-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, path.join(ROOT, 'dist/main.js'), 'serve', '--demo', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        GONGKAI_DATA_DIR: dataDir,
        GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  try {
    await waitFor(`http://127.0.0.1:${helloPort}/`, hello)
    await waitFor(`${base}/healthz`, server)
    const cookie = await login(base)
    const dashboard = await fetch(`${base}/admin`, { headers: { cookie }, redirect: 'manual' })
    if (dashboard.status !== 200) throw new Error(`dashboard answered ${dashboard.status}`)
    const idle = server.pid === undefined ? undefined : memoryOf(server.pid)

    console.log(`wrk -t2 -c${CONNECTIONS} -d${seconds}s on ${process.platform}, node ${process.version}`)
    // Interleaved rounds, medians reported: on a shared machine the load drifts during a run, and measuring
    // the ceiling once at the start would skew every ratio.
    console.log(`load average at the start: ${loadAverage()}`)
    const rounds = 3
    const runs: Record<'ceiling' | 'health' | 'page', WrkRun[]> = { ceiling: [], health: [], page: [] }
    const helloUrl = `http://127.0.0.1:${helloPort}/`
    const session = [`Cookie: ${cookie}`]
    wrk(helloUrl, 2, hello.pid)
    wrk(`${base}/healthz`, 2, server.pid)
    wrk(`${base}/admin`, 2, server.pid, session)
    for (let round = 0; round < rounds; round++) {
      runs.ceiling.push(wrk(helloUrl, seconds, hello.pid))
      runs.health.push(wrk(`${base}/healthz`, seconds, server.pid))
      runs.page.push(wrk(`${base}/admin`, seconds, server.pid, session))
    }
    const rps = (xs: WrkRun[]) => median(xs.map((x) => x.rps))
    const ceiling = rps(runs.ceiling)
    const line = (label: string, xs: WrkRun[], extra: string) => {
      const r = rps(xs)
      const cpu = median(xs.map((x) => x.cpuMicros))
      const p99 = median(xs.map((x) => x.p99ms))
      const list = xs.map((x) => x.rps.toFixed(0)).join(', ')
      console.log(
        `${label.padEnd(28)} ${r.toFixed(0).padStart(8)} req/s ${extra.replace('%', (r / ceiling).toFixed(2))}` +
          `  CPU ${cpu.toFixed(1)} µs/request, p99 ${p99.toFixed(2)} ms  [${list}]`,
      )
    }
    line('hello-world (bare Fastify)', runs.ceiling, '')
    line('GET /healthz', runs.health, '(% × ceiling)')
    line('GET /admin (dashboard)', runs.page, '(% × ceiling; target ≥ 0.5)')
    console.log(`load average at the end: ${loadAverage()}`)
    if (server.pid !== undefined) {
      const mem = memoryOf(server.pid)
      console.log(
        `server RSS: ${idle?.rss.toFixed(0)} MB idle, ${mem.rss.toFixed(0)} MB after load, peak ${mem.peak.toFixed(0)} MB (target < 150 MB)`,
      )
    }
  } finally {
    await Promise.all([stop(server), stop(hello)])
    rmSync(dataDir, { recursive: true, force: true })
  }
}
