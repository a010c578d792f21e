// What every browser test shares: finding Debian's Chromium (skip without it, fail in CI), starting a real
// `gongkai serve` process on a fresh data directory, and axe-core's serious or critical findings on a page.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

export { freePort } from '../test/free-port.ts'

export const ROOT = path.resolve(import.meta.dirname, '..')
export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
]
export const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.GONGKAI_REQUIRE_CHROMIUM === '1') {
  throw new Error(`GONGKAI_REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing (apt-get install chromium)`)
}
if (!hasChromium) console.warn(`Skipping browser tests: ${CHROMIUM} not found (apt-get install chromium)`)

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

/**
 * `gongkai serve` on `port` with its data in `dataDir`, resolved once /healthz answers. With `adminPassword`
 * it runs `--demo` with that password, so the demo users need no first-login change.
 */
export function startServer(port: number, dataDir: string, adminPassword?: string): Promise<ChildProcess> {
  const args = [
    path.join(ROOT, 'bin/gongkai.js'),
    'serve',
    ...(adminPassword ? ['--demo'] : []),
    '--port',
    String(port),
  ]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      GONGKAI_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(adminPassword ? { GONGKAI_ADMIN_PASSWORD: adminPassword } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000)
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => {
          if (!r.ok) return
          clearInterval(poll)
          clearTimeout(timer)
          resolve(child)
        },
        () => undefined,
      )
    }, 200)
    child.once('exit', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** axe-core's serious and critical violations on the page, one line each with the page's URL. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run()).violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${page.url()} ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}
