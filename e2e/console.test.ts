// The console in headless Chromium against a real `gongkai serve --demo` process on a temporary SQLite data
// directory: first login with the printed password, the forced password change, creating an agency and a user,
// both visible in the audit log; axe-core finds no serious or critical violation on the login page and the
// dashboard; SIGTERM shuts the server down cleanly.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, freePort, hasChromium, ROOT, seriousViolations } from './support.ts'

// More quiet flags than support.ts's CHROMIUM_ARGS.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const SCREENSHOT = path.join(tmpdir(), 'gongkai-dashboard.png')

/** Start `gongkai serve --demo`; resolve with the printed admin password once the server listens. */
function startServer(port: number, dataDir: string): Promise<{ child: ChildProcess; password: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/gongkai.js'), 'serve', '--demo', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        GONGKAI_DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        GONGKAI_ADMIN_PASSWORD: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000)
    const poll = setInterval(() => {
      const password = /密码\s+(\S+)/.exec(out)?.[1]
      if (password === undefined) return
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => {
          if (!r.ok) return
          clearInterval(poll)
          clearTimeout(timer)
          resolve({ child, password })
        },
        () => undefined,
      )
    }, 200)
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
}

describe.skipIf(!hasChromium)('admin console in Chromium', () => {
  let dataDir: string
  let server: { child: ChildProcess; password: string }
  let browser: Browser
  let page: Page
  let base: string

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = await startServer(port, dataDir)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.setDefaultTimeout(10_000)
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.child.exitCode === null) server.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('sends an anonymous visitor to a login page without serious accessibility violations', async () => {
    await page.goto(`${base}/admin`)
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await expect(page.title()).resolves.toContain('登录')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('logs in with the printed password and must replace it before reaching the dashboard', async () => {
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(server.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL('**/admin/password')
    await page.getByLabel('当前密码').fill(server.password)
    await page.getByLabel(/^新密码/).fill('e2e-new-password-2026')
    await page.getByLabel('再次输入新密码').fill('e2e-new-password-2026')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.waitForURL(`${base}/admin`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('工作台')
    await expect(page.locator('header').textContent()).resolves.toContain('平台管理员')
  })

  it('shows a dashboard without serious accessibility violations', async () => {
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
  })

  it('creates an agency and a user, and shows both in the audit log', async () => {
    await page.getByRole('link', { name: '机构管理' }).click()
    // Chromium puts a space before the visually hidden part of the link's name.
    await page.getByRole('link', { name: /^新建下级机构\s*（示例区人民政府办公室）$/ }).click()
    await page.getByLabel('机构名称').fill('示例区测试局（端到端）')
    await page.getByLabel('机构类型').selectOption('department')
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForURL('**/admin/agencies?saved=1')
    await expect(page.locator('main > ul.tree').textContent()).resolves.toContain('示例区测试局（端到端）')

    await page.goto(`${base}/admin/users/new`)
    await page.getByLabel('用户名').fill('e2e-publisher')
    await page.getByLabel('姓名').fill('端到端发布员')
    const agencyOption = page.getByLabel('所属机构').locator('option', { hasText: '示例区测试局（端到端）' })
    await page.getByLabel('所属机构').selectOption((await agencyOption.getAttribute('value')) ?? '')
    await page.getByLabel('信息发布员').check()
    await page.getByRole('button', { name: '创建用户' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('用户已创建')
    await expect(page.locator('.secret').textContent()).resolves.toMatch(/\S{10,}/)

    await page.getByRole('link', { name: '审计日志' }).click()
    const log = (await page.locator('table').textContent()) ?? ''
    expect(log).toContain('新建机构')
    expect(log).toContain('示例区测试局（端到端）')
    expect(log).toContain('新建用户')
    expect(log).toContain('e2e-publisher')
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
    server.child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
