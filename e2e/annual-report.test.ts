// The annual report end to end in headless Chromium against a real `gongkai serve` process (issue 6
// acceptance): the demo agencies with a year of 依申请公开 cases and a 行政复议 case → the 信息发布员 opens the
// builder (表三 computed live, a cell drills down to its cases) → a hand-entered 表二 figure that breaks a rule
// (收费金额 entered in 元) blocks publication → fixed → published → the report is in the bureau's
// 政府信息公开年报 column with Word, PDF and JSON (sha256 as stated) downloads → parseReport (what
// `gongkai report check` uses) on the published HTML page and PDF reproduces every computed cell exactly.
import { createHash } from 'node:crypto'
import { type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS, freePort, hasChromium, seriousViolations, startServer } from './support.ts'
import { buildApplication } from '../test/factories.ts'
import { seedDemo, systemActor } from '../src/accounts/index.ts'
import type { Agency } from '../src/accounts/index.ts'
import { computeAnnualReport } from '../src/annual-report/compute/index.ts'
import { parseReport } from '../src/annual-report/index.ts'
import type { AnnualReport } from '../src/annual-report/model.ts'
import { recordAppeal } from '../src/appeals/index.ts'
import type { ClockEvent } from '../src/applications/index.ts'
import { ensureDefaultColumns } from '../src/catalogue/index.ts'
import { migrateToLatest, openDatabase } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'

const PASSWORD = 'e2e-annual-report-2026'
const BUREAU = '示例区某某局'
const YEAR = 2025
const FEE = 't2.art20_8.administrative_fees.fee_amount'

/** Serious and critical axe-core violations of the page as it stands. */
const received = (on: string): ClockEvent => ({ type: 'received', on, channel: 'in_person' })
const answered = (on: string, answerType: string): ClockEvent =>
  ({ type: 'answered', on, answerType }) as ClockEvent

/** A year of the bureau's work: cases across the year boundaries with several outcomes, and one 行政复议 case. */
async function seedYear(db: DB, bureau: Agency): Promise<void> {
  const cases: ClockEvent[][] = [
    [received('2024-12-20'), answered('2025-01-10', 'disclosed')],
    [received('2025-02-03'), answered('2025-02-20', 'disclosed')],
    [received('2025-03-11'), answered('2025-04-01', 'partially_disclosed')],
    [received('2025-05-06'), answered('2025-05-27', 'withheld_third_party_rights')],
    [received('2025-06-02'), answered('2025-06-16', 'not_held')],
    [received('2025-07-14'), answered('2025-07-30', 'petition')],
    [received('2025-09-01'), answered('2025-09-12', 'disclosed')],
    [received('2025-12-22')],
    [received('2025-12-29')],
  ]
  for (const events of cases) await buildApplication(db, bureau, events)
  await recordAppeal(db, systemActor('e2e'), {
    agencyId: bureau.id,
    kind: 'review',
    caseNumber: '示复〔2025〕7号',
    filedOn: '2025-06-20',
    outcome: 'maintained',
    concludedOn: '2025-08-15',
  })
}

describe.skipIf(!hasChromium)('年度报告 in Chromium', () => {
  let dataDir: string
  let dbFile: string
  let server: ChildProcess
  let browser: Browser
  let page: Page
  let base: string
  let bureauId = 0
  let computed: AnnualReport
  let builder = ''

  async function signIn(username: string): Promise<void> {
    await page.context().clearCookies()
    await page.goto(`${base}/admin/login`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/admin(\/password)?$/)
  }

  async function setFee(value: string, source: string): Promise<void> {
    await page.goto(builder)
    const row = page.locator('#figures tr', { has: page.locator(`input[value="${FEE}"]`) })
    await row.locator('input[name="value"]').fill(value)
    await row.locator('input[name="source"]').fill(source)
    await page.getByRole('button', { name: '保存填报数据' }).click()
    await expect(page.locator('main p.notice').first().textContent()).resolves.toContain('填报数据已保存')
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-report-'))
    dbFile = path.join(dataDir, 'gongkai.sqlite')
    const db = openDatabase({ engine: 'sqlite', file: dbFile })
    try {
      await migrateToLatest(db)
      await seedDemo(db, { adminPassword: PASSWORD })
      const row = await db
        .selectFrom('agencies')
        .selectAll()
        .where('name', '=', BUREAU)
        .executeTakeFirstOrThrow()
      bureauId = row.id
      await ensureDefaultColumns(db, systemActor('e2e'), bureauId)
      await seedYear(db, { id: row.id, name: row.name, path: row.path } as Agency)
    } finally {
      await db.destroy()
    }
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    builder = `${base}/admin/reports/${bureauId}/${YEAR}`
    server = await startServer(port, dataDir)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(20_000)
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.exitCode === null) server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('builds the report: 表三 computed live, each cell a link to the records behind it', async () => {
    await signIn('publisher')
    await page.goto(builder)
    const cell = (address: string) => page.locator(`td[data-cell="${address}"] a`).textContent()
    await expect(cell('t3.new_received.total')).resolves.toBe('8')
    await expect(cell('t3.carried_over.total')).resolves.toBe('1')
    await expect(cell('t3.carried_forward.total')).resolves.toBe('2')
    await expect(cell('t4.count.review_maintained')).resolves.toBe('1')
    expect(await seriousViolations(page)).toEqual([])
    await page.locator('td[data-cell="t3.granted.total"] a').click()
    await expect(page.locator('ul.cell-records li').count()).resolves.toBe(3)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('a hand-entered 表二 figure that breaks a rule blocks publication; fixed, the report is published', async () => {
    await setFee('50000000', '财务系统导出（误按元填报）')
    await expect(page.locator('ul.findings-error li[data-rule="P-UNITS"]').count()).resolves.toBe(1)
    await expect(page.getByRole('button', { name: '发布年度报告' }).isDisabled()).resolves.toBe(true)
    // The server refuses it too, whatever the page shows.
    const token = await page.locator('form[action$="/publish"] input[name="_csrf"]').inputValue()
    const refused = await page.request.post(`${builder}/publish`, { form: { _csrf: token } })
    expect(refused.status()).toBe(409)
    await setFee('12.5', '财务系统2026年1月导出')
    await expect(page.locator('ul.findings-error li').count()).resolves.toBe(0)
    await page.locator('#sec-s5_problems').fill('主动公开栏目更新还不够及时，将于2026年建立更新提醒。')
    await page.getByRole('button', { name: '保存文稿' }).click()
    await page.goto(builder)
    await page.getByRole('button', { name: '发布年度报告' }).click()
    await expect(page.locator('main p.notice').first().textContent()).resolves.toContain('年度报告已发布')
    // GONGKAI_E2E_SCREENSHOTS=<dir> keeps a picture of the builder for a person to look at.
    const shots = process.env.GONGKAI_E2E_SCREENSHOTS
    if (shots) await page.screenshot({ path: path.join(shots, 'report-builder.png'), fullPage: true })
    const db = openDatabase({ engine: 'sqlite', file: dbFile })
    try {
      computed = (await computeAnnualReport(db, { agencyId: bureauId, year: YEAR })).report
    } finally {
      await db.destroy()
    }
    expect(computed.cells[FEE]).toBe(12.5)
  })

  it('the report is in the 年报 column with Word, PDF and JSON downloads; parseReport reproduces every cell', async () => {
    await page.context().clearCookies()
    await page.goto(`${base}/zfxxgk/${bureauId}/annual-reports/`)
    await page
      .getByRole('link', { name: new RegExp(`${BUREAU}${YEAR}年政府信息公开工作年度报告`) })
      .first()
      .click()
    const html = await page.content()
    const links = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    const attachmentUrls = links.filter((h) => /attachments\//.test(h))
    const jsonUrl = links.find((h) => /\/v1\.json$/.test(h))
    expect(attachmentUrls.length).toBe(2)
    expect(jsonUrl).toBeDefined()
    const files = await Promise.all(
      attachmentUrls.map(async (u) => Buffer.from(await (await page.request.get(u)).body())),
    )
    const pdf = files.find((b) => b.subarray(0, 5).toString() === '%PDF-')
    const docx = files.find((b) => b.subarray(0, 2).toString() === 'PK')
    expect(pdf).toBeDefined()
    expect(docx).toBeDefined()
    const json = await (await page.request.get(jsonUrl ?? '')).text()
    expect(html).toContain(createHash('sha256').update(json, 'utf8').digest('hex'))

    for (const [name, parsed] of [
      ['html', await parseReport(html, { filename: 'report.html' })],
      ['pdf', await parseReport(pdf ?? Buffer.alloc(0), { filename: 'report.pdf' })],
      ['docx', await parseReport(docx ?? Buffer.alloc(0), { filename: 'report.docx' })],
    ] as const) {
      expect(parsed.recognised, name).toBe(true)
      expect(parsed.year, name).toBe(YEAR)
      const wanted = Object.entries(computed.cells).sort(([a], [b]) => a.localeCompare(b))
      const got = wanted.map(([address]) => [address, parsed.cells[address]])
      expect(got, name).toEqual(wanted)
      // A blank cell (a 表二 figure not entered) prints as an empty cell: HTML and Word keep the empty cell,
      // a PDF's text layer has nothing there; in every face it must not be read as a number.
      if (name !== 'pdf') expect([...parsed.blank].sort(), name).toEqual([...computed.blank].sort())
      for (const address of computed.blank) {
        expect(parsed.cells[address], `${name} ${address}`).toBeUndefined()
      }
    }
  })

  it('the office’s aggregation shows the bureau published; the console pages pass axe', async () => {
    await signIn('supervisor')
    const office = (await page.locator('nav a[href^="/admin/appeals/"]').getAttribute('href'))
      ?.split('/')
      .pop()
    await page.goto(`${base}/admin/reports/aggregate/${office ?? ''}/${YEAR}`)
    const bureauRow = page.locator('tr', { has: page.getByRole('link', { name: BUREAU }) })
    await expect(bureauRow.locator('td').first().textContent()).resolves.toBe('已发布第1版')
    expect(await seriousViolations(page)).toEqual([])
    await signIn('case-officer')
    await page.goto(`${base}/admin/appeals/${bureauId}`)
    await expect(page.locator('main table').textContent()).resolves.toContain('示复〔2025〕7号')
    expect(await seriousViolations(page)).toEqual([])
  })
})
