// `gongkai serve --workers 2` on PostgreSQL: both workers answer on the shared port, a killed worker is
// replaced, SIGTERM stops everything with status 0; on SQLite more than one worker is refused.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../../../test/free-port.ts'
import { restartDelayMs } from './serve-workers.ts'

const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url))
const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const TOKEN = 'workers-test-token-0123456789'
const root = mkdtempSync(join(tmpdir(), 'gongkai-workers-'))

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

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, GONGKAI_FROM_SOURCE: '1', LOG_LEVEL: 'warn', ...extra }
  if (extra.DATABASE_URL === undefined) delete base.DATABASE_URL
  return base
}

/** The pid of the worker answering one new connection (from /metrics), or null when none answers. */
function workerPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/metrics',
        agent: false,
        headers: { authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => {
          const match = /^gongkai_process_pid (\d+)$/m.exec(body)
          resolve(res.statusCode === 200 && match !== null ? Number(match[1]) : null)
        })
      },
    )
    req.on('error', () => resolve(null))
    req.end()
  })
}

/** Pids seen answering new connections until `want` distinct ones or 90 s (workers start at their own pace). */
async function pidsAnswering(port: number, want: number): Promise<Set<number>> {
  const pids = new Set<number>()
  const until = Date.now() + 90_000
  while (pids.size < want && Date.now() < until) {
    const pid = await workerPid(port)
    if (pid !== null) pids.add(pid)
    await new Promise((r) => setTimeout(r, 50))
  }
  return pids
}

const schema = `test_ops_workers_${process.pid}_${randomBytes(3).toString('hex')}`
const unavailable = await adminQuery(`create schema ${schema}`)
let primary: ChildProcess | undefined

afterAll(async () => {
  if (primary?.exitCode === null) primary.kill('SIGKILL')
  if (unavailable === null) await adminQuery(`drop schema if exists ${schema} cascade`)
  rmSync(root, { recursive: true, force: true })
})

describe('gongkai serve --workers', () => {
  it('refuses more than one worker on SQLite with a clear message', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--workers', '2', '--port', '3999'], {
      env: env({ GONGKAI_DATA_DIR: join(root, 'sqlite') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const code = await new Promise<number | null>((r) => child.once('exit', r))
    expect(code).toBe(2)
    expect(stderr).toContain('--workers 2 needs PostgreSQL')
  }, 60_000)

  it.skipIf(unavailable !== null)(
    'two workers answer on one port; a killed one is replaced; SIGTERM stops all',
    async () => {
      const port = await freePort()
      const url = new URL(PG_URL)
      url.searchParams.set('options', `-c search_path=${schema}`)
      primary = spawn(
        process.execPath,
        [bin, 'serve', '--workers', '2', '--port', String(port), '--host', '127.0.0.1'],
        {
          env: env({
            DATABASE_URL: url.toString(),
            GONGKAI_DATA_DIR: join(root, 'pg'),
            GONGKAI_METRICS_TOKEN: TOKEN,
          }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let output = ''
      primary.stdout?.on('data', (c: Buffer) => (output += c.toString()))
      primary.stderr?.on('data', (c: Buffer) => (output += c.toString()))

      const first = await pidsAnswering(port, 2)
      expect([...first].length, output).toBe(2)
      expect(first.has(primary.pid ?? -1)).toBe(false)

      const [victim] = [...first]
      process.kill(victim ?? -1, 'SIGKILL')
      await new Promise((r) => setTimeout(r, 500))
      const second = await pidsAnswering(port, 2)
      expect(second.size, output).toBe(2)
      expect(second.has(victim ?? -1)).toBe(false)
      expect(output).toMatch(/worker \d+ exited \(SIGKILL\)/)

      primary.kill('SIGTERM')
      const code = await new Promise<number | null>((r) => primary?.once('exit', r))
      expect(code, output).toBe(0)
    },
    120_000,
  )
})

describe('worker restart backoff', () => {
  it('replaces a long-lived worker at once, and backs off 250 ms doubling to 8 s for early deaths in a row', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(restartDelayMs)).toEqual([0, 250, 500, 1000, 2000, 4000, 8000, 8000])
  })
})
