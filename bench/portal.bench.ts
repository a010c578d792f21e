// `npm run bench -- portal [--engine sqlite|postgres] [--items N] [--duration S] [--rounds R] [--generate-only]`: a corpus of N
// published items (default 1,000,000) over 1,000 agencies, reused between runs under /tmp/gongkai-portal-bench/
// (SQLite) or in the database gongkai_portal_bench_<N> (PostgreSQL at 127.0.0.1:5432); then the real server
// (`node bin/gongkai.js serve`) and nginx serving the same HTML bytes as static files, side by side under
// wrk at 64 connections on an item page, a column page and a 专栏 home. Prints requests/s, the ratio to
// nginx (target ≥ 0.8), p99 latency (target < 20 ms), the server's RSS (target < 300 MB) and the load average.
// Like with like: one nginx worker process against one gongkai process (no --workers), the same HTML bytes
// (checked through both servers before the runs). CPU time per request (user + system, from /proc, nginx's
// worker included) is the figure that holds on a shared machine; its ratio to nginx's is printed too
// (target ≤ 1.25, the CPU side of ≥ 0.8 × the requests/s).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect as connectTcp, createServer } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { connect } from '../src/storage/index.ts'
import { AGENCIES, columnId, columnSlug, ensureCorpus } from './portal-corpus.ts'
import { loadAverage, median, SERVER_NODE_FLAGS, wrk, type WrkRun } from './server.bench.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const WORK = '/tmp/gongkai-portal-bench'
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres'
const CONNECTIONS = 64 // as in server.bench.ts, whose wrk runs these
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function waitFor(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${seconds}s`)
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

/** The status line and headers a server answers `url` with (raw bytes over one connection), and the body's bytes. */
async function rawAnswer(url: string): Promise<{ head: string; body: Buffer }> {
  const { hostname, port, pathname, search } = new URL(url)
  const socket = connectTcp({ host: hostname, port: Number(port) })
  const chunks: Buffer[] = []
  socket.write(
    `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUser-Agent: ${BROWSER}\r\nConnection: close\r\n\r\n`,
  )
  for await (const chunk of socket) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)
  const end = bytes.indexOf('\r\n\r\n')
  return { head: bytes.toString('latin1', 0, end + 4), body: bytes.subarray(end + 4) }
}

/** wrk as a browser would ask (a browser user agent, so views are counted), with the server's CPU per request. */
function wrkPage(url: string, seconds: number, pid: number | undefined): WrkRun {
  return wrk(url, seconds, pid, [`User-Agent: ${BROWSER}`])
}

async function prepareDatabase(engine: string, items: number): Promise<Record<string, string>> {
  mkdirSync(WORK, { recursive: true })
  if (engine === 'sqlite') {
    const dataDir = path.join(WORK, `sqlite-${items}`)
    mkdirSync(dataDir, { recursive: true })
    const db = await connect({ database: { engine: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') } })
    try {
      await ensureCorpus(db, items, engine)
    } finally {
      await db.destroy()
    }
    return { GONGKAI_DATA_DIR: dataDir }
  }
  const name = `gongkai_portal_bench_${items}`
  const admin = new pg.Client({ connectionString: PG_ADMIN })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = `postgres://postgres@127.0.0.1:5432/${name}`
  const db = await connect({ database: { engine: 'postgres', url } })
  try {
    await ensureCorpus(db, items, engine)
  } finally {
    await db.destroy()
  }
  mkdirSync(path.join(WORK, `pg-data-${items}`), { recursive: true })
  return { DATABASE_URL: url, GONGKAI_DATA_DIR: path.join(WORK, `pg-data-${items}`) }
}

/** nginx (one worker, like the one Node process) serving `files` from a fresh prefix as a non-daemon child. */
async function startNginx(files: Record<string, Buffer>): Promise<{ child: ChildProcess; port: number }> {
  const prefix = path.join(WORK, `nginx-${process.pid}`)
  const html = path.join(prefix, 'html')
  mkdirSync(html, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(html, name), bytes)
  const port = await freePort()
  const conf = `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp;
  proxy_temp_path ${prefix}/tmp;
  fastcgi_temp_path ${prefix}/tmp;
  uwsgi_temp_path ${prefix}/tmp;
  scgi_temp_path ${prefix}/tmp;
  types { text/html html; }
  server {
    listen 127.0.0.1:${port};
    root ${html};
    etag on;
    add_header Cache-Control no-cache;
  }
}
`
  mkdirSync(path.join(prefix, 'tmp'), { recursive: true })
  writeFileSync(path.join(prefix, 'nginx.conf'), conf)
  const child = spawn(
    'nginx',
    [
      '-p',
      prefix,
      '-e',
      path.join(prefix, 'error.log'),
      '-c',
      path.join(prefix, 'nginx.conf'),
      '-g',
      'daemon off;',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  await waitFor(`http://127.0.0.1:${port}/home.html`, child)
  return { child, port }
}

/** Latency of cache misses: pages of 40 other agencies and items, each asked once (never cached before). */
async function measureMisses(base: string, items: number): Promise<void> {
  const perAgency = Math.floor(items / AGENCIES)
  const kinds: Record<string, string[]> = { item: [], column: [], home: [] }
  for (let k = 0; k < 40; k++) {
    const agency = 1 + ((k * 97) % AGENCIES)
    const nth = (k * 37) % perAgency
    const id = nth * AGENCIES + agency
    const column = columnSlug([0, 1, 3, 4, 5, 6, 7, 8, 9][nth % 9] ?? 0)
    kinds.item?.push(`/zfxxgk/${agency}/${column}/${id}.html`)
    kinds.column?.push(`/zfxxgk/${agency}/${column}/`)
    kinds.home?.push(`/zfxxgk/${agency}/`)
  }
  for (const [kind, urls] of Object.entries(kinds)) {
    const times: number[] = []
    for (const url of urls) {
      const t0 = performance.now()
      const response = await fetch(base + url, { headers: { 'user-agent': BROWSER } })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN).toFixed(1)
    console.log(
      `cache miss ${kind.padEnd(6)} p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (40 distinct pages, sequential)`,
    )
  }
}

/**
 * Start `gongkai serve` on the corpus: the compiled dist/ as a deployment runs it, or, when that cannot start
 * (a build broken by work in progress elsewhere), the sources through tsx; says which.
 */
async function startServer(env: Record<string, string>): Promise<{ server: ChildProcess; base: string }> {
  for (const fromSource of ['0', '1']) {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const server = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, path.join(ROOT, 'bin/gongkai.js'), 'serve', '--port', String(port)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          GONGKAI_FROM_SOURCE: fromSource,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    try {
      await waitFor(`${base}/healthz`, server)
      console.log(
        `server: ${fromSource === '1' ? 'sources through tsx (dist/ did not start)' : 'compiled dist/'}`,
      )
      return { server, base }
    } catch (err) {
      await stop(server)
      if (fromSource === '1') throw err
    }
  }
  throw new Error('unreachable')
}

export default async function portalBench(args: string[]): Promise<void> {
  const engine = option(args, '--engine', 'sqlite')
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres')
  const items = Number(option(args, '--items', '1000000'))
  const seconds = Number(option(args, '--duration', '10'))
  const rounds = Number(option(args, '--rounds', '3'))
  if (!Number.isInteger(items) || items < AGENCIES) {
    throw new Error(`--items must be a whole number ≥ ${AGENCIES}`)
  }

  const env = await prepareDatabase(engine, items)
  if (args.includes('--generate-only')) return
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], { stdio: 'inherit' })
  } catch {
    console.log('build failed: the server runs from the sources through tsx')
  }
  const { server, base } = await startServer(env)
  let nginx: ChildProcess | undefined
  try {
    // A mid-corpus agency; its newest item is in the policy column's list.
    const agency = Math.floor(AGENCIES / 2)
    const perAgency = Math.floor(items / AGENCIES)
    const lastItem = (perAgency - 1) * AGENCIES + agency
    const columnIndex = [0, 1, 3, 4, 5, 6, 7, 8, 9][(perAgency - 1) % 9] ?? 0
    const pages = {
      'item.html': `/zfxxgk/${agency}/${columnSlug(columnIndex)}/${lastItem}.html`,
      'column.html': `/zfxxgk/${agency}/${columnSlug(columnIndex)}/`,
      'home.html': `/zfxxgk/${agency}/`,
    }
    const files: Record<string, Buffer> = {}
    console.log(
      `engine ${engine}, ${items.toLocaleString()} items, agency ${agency} (column id ${columnId(agency, columnIndex)})`,
    )
    for (const [file, url] of Object.entries(pages)) {
      const t0 = performance.now()
      const response = await fetch(base + url, { headers: { 'user-agent': BROWSER } })
      const cold = performance.now() - t0
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
      files[file] = Buffer.from(await response.arrayBuffer())
      console.log(`${url}: ${files[file].length} bytes, first (uncached) render ${cold.toFixed(1)} ms`)
    }
    await measureMisses(base, items)
    const started = await startNginx(files)
    nginx = started.child
    const idle = server.pid === undefined ? undefined : memoryOf(server.pid)
    for (const [file, url] of Object.entries(pages)) {
      const ours = await rawAnswer(base + url)
      const theirs = await rawAnswer(`http://127.0.0.1:${started.port}/${file}`)
      const same = ours.body.equals(theirs.body) && ours.body.equals(files[file] ?? Buffer.alloc(0))
      if (!same) throw new Error(`${file}: gongkai and nginx do not serve the same bytes`)
      console.log(
        `${file.padEnd(12)} same HTML bytes through both (${ours.body.length} bytes); response head gongkai ${ours.head.length} bytes, nginx ${theirs.head.length} bytes`,
      )
    }
    console.log(
      `wrk -t2 -c${CONNECTIONS} -d${seconds}s --latency, ${rounds} interleaved rounds, medians; ` +
        `nginx 1 worker process vs gongkai 1 process; CPU = user + system time of the server process per request`,
    )
    console.log(`load average before: ${loadAverage()}`)
    for (const [file, url] of Object.entries(pages)) {
      const nginxUrl = `http://127.0.0.1:${started.port}/${file}`
      wrkPage(nginxUrl, 2, nginx.pid)
      wrkPage(base + url, 2, server.pid)
      const runs = { nginx: [] as WrkRun[], node: [] as WrkRun[] }
      for (let round = 0; round < rounds; round++) {
        runs.nginx.push(wrkPage(nginxUrl, seconds, nginx.pid))
        runs.node.push(wrkPage(base + url, seconds, server.pid))
      }
      const summary = (xs: WrkRun[]) => ({
        rps: median(xs.map((r) => r.rps)),
        p99: median(xs.map((r) => r.p99ms)),
        cpu: median(xs.map((r) => r.cpuMicros)),
      })
      const n = summary(runs.nginx)
      const g = summary(runs.node)
      const list = (xs: WrkRun[]) => xs.map((x) => x.rps.toFixed(0)).join(', ')
      console.log(
        `${file.padEnd(12)} gongkai ${g.rps.toFixed(0).padStart(7)} req/s p99 ${g.p99.toFixed(2)} ms CPU ${g.cpu.toFixed(1)} µs/req [${list(runs.node)}] | ` +
          `nginx ${n.rps.toFixed(0).padStart(7)} req/s p99 ${n.p99.toFixed(2)} ms CPU ${n.cpu.toFixed(1)} µs/req [${list(runs.nginx)}] | ` +
          `ratio ${(g.rps / n.rps).toFixed(2)} (target ≥ 0.8), CPU ratio ${(g.cpu / n.cpu).toFixed(2)} (target ≤ 1.25), p99 target < 20 ms`,
      )
    }
    console.log(`load average after: ${loadAverage()}`)
    if (server.pid !== undefined) {
      const mem = memoryOf(server.pid)
      console.log(
        `server RSS: ${idle?.rss.toFixed(0)} MB before load, ${mem.rss.toFixed(0)} MB after, peak ${mem.peak.toFixed(0)} MB (target < 300 MB)`,
      )
    }
  } finally {
    await Promise.all([stop(server), ...(nginx === undefined ? [] : [stop(nginx)])])
  }
}
