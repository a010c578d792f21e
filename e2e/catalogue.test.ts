// The catalogue workflow in headless Chromium against a real `gongkai serve --demo` process (issue 4
// acceptance): the platform administrator gives 示例区某某局 its default columns; the 信息发布员 drafts an item
// (the preview shows the sanitised body); the 保密审查员 returns it with a reason; the editor fixes and resubmits
// it; the reviewer approves; it is on the column page and found by search at once; the Word and PDF downloads
// contain the title and metadata; after 撤稿 its URL shows the notice. axe-core finds no serious or critical
// violation on the console pages of the catalogue nor on the portal pages visited.
import { execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import mammoth from 'mammoth'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS, freePort, hasChromium, seriousViolations, startServer } from './support.ts'

const PASSWORD = 'e2e-catalogue-2026'
const BUREAU = '示例区某某局'
const TITLE = `关于印发示例区政务公开工作要点的通知（端到端${process.pid}）`

describe.skipIf(!hasChromium)('catalogue workflow in Chromium', () => {
  let dataDir: string
  let server: ChildProcess
  let browser: Browser
  let page: Page
  let base: string
  let itemId = 0
  let itemUrl = ''
  const axeProblems: string[] = []

  async function checkAxe(): Promise<void> {
    axeProblems.push(...(await seriousViolations(page)))
  }

  async function signIn(username: string): Promise<void> {
    await page.context().clearCookies()
    await page.goto(`${base}/admin/login`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${base}/admin`)
  }

  async function openItem(): Promise<void> {
    await page.goto(`${base}/admin/catalogue/items/${itemId}`)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-catalogue-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = await startServer(port, dataDir, PASSWORD)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(10_000)
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.exitCode === null) server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('gives the bureau its default columns (平台管理员, 栏目管理)', async () => {
    await signIn('admin')
    await page.getByRole('link', { name: '栏目管理' }).click()
    const option = page.getByLabel('机构').locator('option', { hasText: BUREAU })
    await page.getByLabel('机构').selectOption((await option.getAttribute('value')) ?? '')
    await page.getByRole('button', { name: '切换' }).click()
    await page.getByRole('button', { name: '补齐默认栏目' }).click()
    await expect(page.locator('main > ul.tree').textContent()).resolves.toContain('政府信息公开指南')
    await checkAxe()
  })

  it('lets the 信息发布员 draft an item, preview the sanitised body and submit it', async () => {
    await signIn('publisher')
    await page.getByRole('link', { name: '信息列表' }).click()
    await checkAxe()
    await page.getByRole('link', { name: '新建信息' }).click()
    const column = page.getByLabel('所属栏目').locator('option', { hasText: '政府信息公开指南' })
    await page.getByLabel('所属栏目').selectOption((await column.getAttribute('value')) ?? '')
    await page.getByLabel('标题').fill(TITLE)
    await page.getByLabel('文号').fill('示某局〔2026〕1号')
    await page.getByLabel('关键词').fill('政务公开 工作要点')
    await page.getByLabel(/形成或变更日期/).fill(new Date().toISOString().slice(0, 10))
    await page
      .getByLabel('正文（HTML）')
      .fill('<p onclick="alert(1)">一、总体要求</p><script>alert(2)</script><p>二、重点任务</p>')
    await page.getByRole('button', { name: '预览正文' }).click()
    await expect(page.locator('.body-preview').innerHTML()).resolves.toBe(
      '<p>一、总体要求</p><p>二、重点任务</p>',
    )
    await checkAxe()
    await page.getByRole('button', { name: '保存草稿' }).click()
    await page.waitForURL(/\/admin\/catalogue\/items\/\d+\?saved=1$/)
    itemId = Number(/items\/(\d+)/.exec(page.url())?.[1])
    await checkAxe()
    await page.getByRole('button', { name: '提交保密审查' }).click()
    await expect(page.locator('main > p.notice').first().textContent()).resolves.toContain('已提交保密审查')
  })

  it('lets the 保密审查员 return it with a reason, which the editor sees and fixes', async () => {
    await signIn('reviewer')
    await page.getByRole('link', { name: '保密审查' }).click()
    await checkAxe()
    await page.getByRole('link', { name: TITLE }).click()
    await page.getByLabel('原因').first().fill('文号有误，请核对')
    await page.getByRole('button', { name: '退回修改' }).click()
    await expect(page.locator('main > p.notice').first().textContent()).resolves.toContain('已退回修改')

    await signIn('publisher')
    await openItem()
    await expect(page.locator('main').textContent()).resolves.toContain('文号有误，请核对')
    await page.getByRole('link', { name: '编辑', exact: true }).click()
    await page.getByLabel('文号').fill('示某局〔2026〕2号')
    await page.getByRole('button', { name: '保存草稿' }).click()
    await page.getByRole('button', { name: '提交保密审查' }).click()
    await expect(page.locator('main > p.notice').first().textContent()).resolves.toContain('已提交保密审查')
  })

  it('publishes on approval: the column page and search show it at once', async () => {
    await signIn('reviewer')
    await openItem()
    await page.getByRole('button', { name: '审查通过并发布' }).click()
    await expect(page.locator('main > p.notice').first().textContent()).resolves.toContain('审查通过')
    const api = await page.request.get(`${base}/api/v1/items/${itemId}`)
    const item = ((await api.json()) as { data: { agencyId: number; columnId: number; indexNumber: string } })
      .data
    expect(item.indexNumber).toMatch(/\/\d{4}-\d{5}$/)
    const columns = await page.request.get(`${base}/api/v1/agencies/${item.agencyId}/columns`)
    const tree = ((await columns.json()) as { data: { id: number; slug: string }[] }).data
    const slug = tree.find((c) => c.id === item.columnId)?.slug ?? ''
    const columnUrl = `${base}/zfxxgk/${item.agencyId}/${slug}/`
    itemUrl = `${columnUrl}${itemId}.html`

    await page.context().clearCookies()
    await page.goto(columnUrl)
    await expect(page.locator('main').textContent()).resolves.toContain(TITLE)
    await checkAxe()
    await page.goto(`${base}/search?q=${encodeURIComponent('工作要点')}`)
    await expect(page.locator('main').textContent()).resolves.toContain(TITLE)
    await checkAxe()
    await page.goto(itemUrl)
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain(item.indexNumber)
    expect(text).toContain('示某局〔2026〕2号')
    await checkAxe()

    const docx = await page.request.get(itemUrl.replace(/\.html$/, '.docx'))
    expect(docx.status()).toBe(200)
    const word = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.body()) })).value
    expect(word).toContain(TITLE)
    expect(word).toContain(item.indexNumber)
    expect(word).toContain('示某局〔2026〕2号')
    const pdf = await page.request.get(itemUrl.replace(/\.html$/, '.pdf'))
    expect(pdf.status()).toBe(200)
    const pdfFile = path.join(dataDir, 'item.pdf')
    writeFileSync(pdfFile, await pdf.body())
    const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    )
    expect(pdfText).toContain(TITLE.replace(/\s+/g, ''))
    expect(pdfText).toContain(item.indexNumber)
  })

  it('withdraws with a reason; the item URL then shows the withdrawal notice', async () => {
    await signIn('reviewer')
    await openItem()
    await page.getByLabel('原因').fill('内容已调整，另行发布')
    await page.getByRole('button', { name: '撤稿' }).click()
    await expect(page.locator('main > p.notice').first().textContent()).resolves.toContain('已撤稿')
    await page.context().clearCookies()
    const response = await page.goto(itemUrl)
    expect(response?.status()).not.toBe(404)
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain('该信息已撤稿')
    expect(text).toContain('内容已调整，另行发布')
  })

  it('shows the deadline list, and no serious accessibility violation on any page visited', async () => {
    await signIn('publisher')
    await page.getByRole('link', { name: '即将到期与逾期' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('即将到期与逾期')
    await checkAxe()
    expect(axeProblems).toEqual([])
  })
})
