// The applicant's side of 依申请公开 in headless Chromium against a real `gongkai serve --demo` process: a first
// submit with a wrong 居民身份证 number comes back with the message and every typed value; the corrected form is
// submitted with a double click (one case); the receipt shows the tracking code and masked details; the tracking
// page shows the status with code + phone and one generic message for a wrong phone. axe-core finds no serious
// or critical violation on the form (clean and with errors), the receipt and the tracking page (form and
// result). (The link from the 专栏 home is checked in src/web/portal/applications/intake.db.test.ts.)
import { type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS, freePort, hasChromium, seriousViolations, startServer } from './support.ts'

const PASSWORD = 'e2e-intake-2026'
const BUREAU = '示例区某某局'
const PHONE = '13800138000'
// A minimal PNG: the intake checks the type by content.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

describe.skipIf(!hasChromium)('依申请公开 intake and tracking in Chromium', () => {
  let dataDir: string
  let server: ChildProcess
  let browser: Browser
  let page: Page
  let base: string
  let bureauId = 0
  let trackingCode = ''
  const axeProblems: string[] = []

  async function checkAxe(): Promise<void> {
    axeProblems.push(...(await seriousViolations(page)))
  }

  /** Read the server's SQLite file (read-only) for what the browser cannot see. */
  function query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(path.join(dataDir, 'gongkai.sqlite'), { readonly: true, fileMustExist: true })
    try {
      return db.prepare(sql).all(...params) as T[]
    } finally {
      db.close()
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-intake-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = await startServer(port, dataDir, PASSWORD)
    bureauId = query<{ id: number }>('select id from agencies where name = ?', BUREAU)[0]?.id ?? 0
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(10_000)
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.exitCode === null) server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function fillForm(idNumber: string): Promise<void> {
    await page.getByLabel('自然人', { exact: true }).check()
    await page.getByLabel(/^姓名或名称/).fill('张三')
    await page.getByLabel('证件类型').selectOption('resident_id')
    await page.getByLabel('证件号码').fill(idNumber)
    await page.getByLabel(/^联系电话/).fill(PHONE)
    await page.getByLabel('电子邮箱').fill('zhangsan@example.cn')
    await page.getByLabel('所需政府信息的名称或内容描述').fill('2025年本区老旧小区改造项目的资金使用情况')
    await page.getByLabel('电子文件', { exact: true }).check()
    await page.getByLabel('电子邮件', { exact: true }).check()
  }

  it('submits online: a wrong ID number comes back with its message and the typed values', async () => {
    expect(bureauId).toBeGreaterThan(0)
    await page.goto(`${base}/zfxxgk/${bureauId}/ysqgk/`)
    await expect(page.locator('h1').textContent()).resolves.toBe('政府信息公开申请')
    await checkAxe()
    await fillForm('110105194912310021')
    await page.locator('#f-idCopy').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG })
    await page.getByRole('button', { name: '提交申请' }).click()
    await expect(page.locator('#f-idNumber-error').textContent()).resolves.toContain('居民身份证号码不正确')
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('证件号码')
    await expect(page.getByLabel(/^姓名或名称/).inputValue()).resolves.toBe('张三')
    await expect(page.getByLabel('所需政府信息的名称或内容描述').inputValue()).resolves.toBe(
      '2025年本区老旧小区改造项目的资金使用情况',
    )
    await expect(page.getByLabel('电子邮件', { exact: true }).isChecked()).resolves.toBe(true)
    await checkAxe()
    expect(query('select id from applications where agency_id = ?', bureauId)).toEqual([])
  })

  it('a double click on the corrected form creates one case and shows its receipt', async () => {
    await page.getByLabel('证件号码').fill('11010519491231002X')
    await page.locator('#f-idCopy').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG })
    await page.getByRole('button', { name: '提交申请' }).dblclick()
    await page.locator('#tracking-code').waitFor()
    trackingCode = ((await page.locator('#tracking-code').textContent()) ?? '').trim()
    expect(trackingCode).toMatch(/^[0-9A-Z]{12}$/)
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('双方确认之日为收到申请之日')
    expect(main).toContain('20个工作日内予以答复')
    expect(main).toContain('138****8000')
    expect(main).not.toContain(PHONE)
    await checkAxe()
    // Give a late second POST time to land, then count.
    await new Promise((r) => setTimeout(r, 500))
    expect(query('select tracking_code from applications where agency_id = ?', bureauId)).toEqual([
      { tracking_code: trackingCode },
    ])
  })

  it('tracks it with the code and the phone number; a wrong phone gets the generic message', async () => {
    await page.getByRole('link', { name: '办理进度查询' }).click()
    await expect(page.locator('h1').textContent()).resolves.toContain('办理进度查询')
    await checkAxe()
    await page.getByLabel(/^查询码/).fill(trackingCode.toLowerCase())
    await page.getByLabel(/^联系电话/).fill('13900000000')
    await page.getByRole('button', { name: '查询' }).click()
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('查询码或联系电话不正确')
    await expect(page.locator('#track-result').count()).resolves.toBe(0)
    await page.getByLabel(/^联系电话/).fill(PHONE)
    await page.getByRole('button', { name: '查询' }).click()
    await expect(page.locator('#track-status').textContent()).resolves.toContain('待确认收到')
    await expect(page.locator('#track-deadline').textContent()).resolves.toContain(
      '自双方确认收到申请之日起计算',
    )
    await expect(page.locator('#track-result').textContent()).resolves.toContain(BUREAU)
    await checkAxe()
  })

  it('finds no serious or critical accessibility problem on the pages visited', () => {
    expect(axeProblems).toEqual([])
  })
})
