// For multi-process tests: a fresh PostgreSQL schema, real `gongkai serve` processes on it (each on its own
// port, as behind a load balancer), and plain HTTP against them. Used by *.test.ts files here, which skip
// (with the reason) when PostgreSQL is unreachable.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { freePort } from '../../../test/free-port.ts'
import { connect, type DB } from '../../storage/index.ts'

const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url))
export const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function adminQuery(text: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query(text)
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    await client.end().catch(() => undefined)
  }
}

export interface ServeProcess {
  readonly port: number
  readonly child: ChildProcess
  /** stdout and stderr so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

export interface PgCluster {
  /** Why the cluster cannot run (PostgreSQL unreachable), or null. */
  readonly unavailable: string | null
  /** A migrated connection to the cluster's schema (open after `setUp`). */
  readonly db: DB
  setUp(): Promise<void>
  /** Start one `gongkai serve` on the schema and wait until /healthz answers. */
  serve(extraEnv?: NodeJS.ProcessEnv): Promise<ServeProcess>
  tearDown(): Promise<void>
}

export async function pgCluster(name: string): Promise<PgCluster> {
  const schema = `test_${name}_${process.pid}_${randomBytes(3).toString('hex')}`
  const unavailable = await adminQuery(`create schema ${schema}`)
  const url = new URL(PG_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  const root = mkdtempSync(join(tmpdir(), `gongkai-${name}-`))
  const processes: ServeProcess[] = []
  let db: DB | undefined
  return {
    unavailable,
    get db() {
      if (db === undefined) throw new Error('pgCluster: call setUp first')
      return db
    },
    setUp: async () => {
      db = await connect(
        { database: { engine: 'postgres', url: PG_URL } },
        { pgSchema: schema, pgPoolSize: 3 },
      )
    },
    serve: async (extraEnv = {}) => {
      const port = await freePort()
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        GONGKAI_FROM_SOURCE: '1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: url.toString(),
        GONGKAI_DATA_DIR: join(root, 'data'),
        ...extraEnv,
      }
      const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
      const proc: ServeProcess = {
        port,
        child,
        output: () => output,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return
          const exited = new Promise((r) => child.once('exit', r))
          child.kill('SIGTERM')
          await exited
        },
      }
      processes.push(proc)
      const until = Date.now() + 60_000
      for (;;) {
        if (child.exitCode !== null) throw new Error(`gongkai serve exited early:\n${output}`)
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null)
        if (health?.status === 200) break
        if (Date.now() > until) throw new Error(`gongkai serve did not answer within 60 s:\n${output}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      return proc
    },
    tearDown: async () => {
      for (const proc of processes) {
        if (proc.child.exitCode === null) proc.child.kill('SIGKILL')
      }
      await db?.destroy()
      if (unavailable === null) await adminQuery(`drop schema if exists ${schema} cascade`)
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** A signed-in API client against one process: session cookie plus the CSRF pair from /api/v1/csrf-token. */
export async function apiClient(
  port: number,
  sessionCookie: string,
): Promise<(method: string, path: string, body?: unknown) => Promise<Response>> {
  const base = `http://127.0.0.1:${port}/api/v1`
  const tokenResponse = await fetch(`${base}/csrf-token`, { headers: { cookie: sessionCookie } })
  const token = ((await tokenResponse.json()) as { data: { token: string } }).data.token
  const secret = tokenResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c !== '')
  const cookie = [sessionCookie, ...secret].join('; ')
  return (method, path, body) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: body === undefined ? '{}' : JSON.stringify(body),
    })
}
