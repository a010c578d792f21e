// Runs the real `gongkai serve --demo` from a directory outside the project (as `npx gongkai` or a systemd unit
// would) on a fresh SQLite data directory, and checks that server-rendered pages come back. It runs the
// TypeScript sources (GONGKAI_FROM_SOURCE=1): the compiled build has its own test (scripts/build.test.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../../test/free-port.ts'

const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url))
const elsewhere = mkdtempSync(join(tmpdir(), 'gongkai-serve-cwd-'))
let server: ChildProcess | undefined
let base = ''
let output = ''

/** The embedded SQLite engine, whatever the surrounding test run points at. */
function envWithoutDatabaseUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.DATABASE_URL
  return env
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server?.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not answer:\n${output}`)
}

beforeAll(async () => {
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawn(process.execPath, [bin, 'serve', '--demo', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: elsewhere,
    env: {
      ...envWithoutDatabaseUrl(),
      GONGKAI_DATA_DIR: join(elsewhere, 'data'),
      GONGKAI_ADMIN_PASSWORD: 'serve-test-password-2026',
      GONGKAI_FROM_SOURCE: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitForHealth()
}, 120_000)

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  rmSync(elsewhere, { recursive: true, force: true })
})

describe('gongkai serve started outside the project directory', () => {
  it('renders the console login page (JSX compiled with the project settings)', async () => {
    const response = await fetch(`${base}/admin/login`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('登录')
  })

  it("opens each demo agency's 政府信息公开 专栏 on the portal from the first start", async () => {
    const response = await fetch(`${base}/zfxxgk/1/`)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('政府信息公开指南')
    expect(page).toContain('政府信息公开年报')
  })

  it('keeps its data in GONGKAI_DATA_DIR and prints the demo login once', () => {
    expect(output).toContain('serve-test-password-2026')
  })
})
