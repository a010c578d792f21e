// The compiled build (scripts/build.js) works as the sources do: built into a temporary directory, its CLI
// checks a report and its server renders a page with its hashed stylesheet.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode } from '../../test/run-cli.ts'
import { freePort } from '../../test/free-port.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
// Inside the project, so the build's external packages resolve from its node_modules as dist/'s do.
const cache = join(root, 'node_modules', '.cache')
mkdirSync(cache, { recursive: true })
const out = mkdtempSync(join(cache, 'gongkai-build-test-'))

beforeAll(async () => {
  const built = await runNode([join(root, 'scripts/build.js'), out], tmpdir())
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`)
}, 60_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('the compiled build', () => {
  it('checks a report from the command line', async () => {
    const r = await runNode(
      [join(out, 'main.js'), 'report', 'check', join(root, 'src/annual-report/fixtures/002.html')],
      tmpdir(),
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('gov2021')
  })

  it('serves the login page and its stylesheet', async () => {
    const port = await freePort()
    const data = join(out, 'data')
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: data, LOG_LEVEL: 'warn' }
    delete env.DATABASE_URL
    const server = spawn(
      process.execPath,
      [join(out, 'main.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: tmpdir(),
        env,
        stdio: 'ignore',
      },
    )
    try {
      let page: Response | undefined
      for (let i = 0; i < 300 && page === undefined; i++) {
        page = await fetch(`http://127.0.0.1:${port}/admin/login`).catch(() => undefined)
        if (page === undefined) await new Promise((r) => setTimeout(r, 100))
      }
      expect(page?.status).toBe(200)
      const html = (await page?.text()) ?? ''
      const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
      expect(css).toBeDefined()
      expect((await fetch(`http://127.0.0.1:${port}${css}`)).status).toBe(200)
    } finally {
      server.kill('SIGTERM')
    }
  }, 60_000)
})
