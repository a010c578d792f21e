// 依申请公开 end to end in headless Chromium against a real `gongkai serve --demo` process (issue 5 acceptance):
// an applicant submits online through the portal form; the 依申请办理员 confirms receipt, requests 补正; the
// applicant sees the 补正 items on the tracking page; the officer records the correction, extends with the
// approver named, answers 部分公开 and sends the generated 答复书, whose PDF text (pdftotext) carries the letter
// number and the legal basis; the audit log holds every step; another agency's officer gets 403.
import { execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS, freePort, hasChromium, seriousViolations, startServer } from './support.ts'

const PASSWORD = 'e2e-applications-2026'
const BUREAU = '示例区某某局'
const STREET = '示例区某某街道办事处'
const DESCRIPTION = `2026年本区道路养护资金的使用情况（端到端${process.pid}）`
const PHONE = '13912345678'

interface AgencyNode {
  id: number
  name: string
  children?: AgencyNode[]
}

function findAgency(nodes: readonly AgencyNode[], name: string): AgencyNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n
    const hit = findAgency(n.children ?? [], name)
    if (hit) return hit
  }
  return undefined
}

describe.skipIf(!hasChromium)('依申请公开 in Chromium', () => {
  let dataDir: string
  let server: ChildProcess
  let browser: Browser
  let page: Page
  let base: string
  let bureauId = 0
  let streetId = 0
  let streetOfficerPassword = ''
  let trackingCode = ''
  let caseUrl = ''
  const axeProblems: string[] = []

  async function checkAxe(): Promise<void> {
    axeProblems.push(...(await seriousViolations(page)))
  }

  async function signIn(username: string, password = PASSWORD): Promise<void> {
    await page.context().clearCookies()
    await page.goto(`${base}/admin/login`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/admin(\/password)?$/)
  }

  /** Submit the form of one case step (its fields filled by `fill`), expecting the step's notice. */
  async function step(
    name: string,
    notice: string,
    fill?: (form: ReturnType<Page['locator']>) => Promise<void>,
  ) {
    const form = page.locator(`form[action$="/steps/${name}"]`)
    if (fill) await fill(form)
    await form.getByRole('button').click()
    await expect(page.locator('main p.notice').first().textContent()).resolves.toContain(notice)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-applications-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = await startServer(port, dataDir, PASSWORD)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(15_000)
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.exitCode === null) server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('sets up: the platform administrator names a 依申请办理员 in another agency (the street office)', async () => {
    await signIn('admin')
    const tree = (await (await page.request.get(`${base}/api/v1/agencies`)).json()) as { data: AgencyNode[] }
    bureauId = findAgency(tree.data, BUREAU)?.id ?? 0
    streetId = findAgency(tree.data, STREET)?.id ?? 0
    expect(bureauId).toBeGreaterThan(0)
    const { data } = (await (await page.request.get(`${base}/api/v1/csrf-token`)).json()) as {
      data: { token: string }
    }
    const created = await page.request.post(`${base}/api/v1/users`, {
      headers: { 'x-csrf-token': data.token },
      data: {
        agencyId: streetId,
        username: 'street-officer',
        displayName: '街道依申请办理员',
        roles: ['case_officer'],
      },
    })
    expect(created.status()).toBe(201)
    streetOfficerPassword = ((await created.json()) as { data: { firstPassword: string } }).data.firstPassword
  })

  it('an applicant submits online and gets a tracking code', async () => {
    await page.context().clearCookies()
    await page.goto(`${base}/zfxxgk/${bureauId}/ysqgk/`)
    await page.locator('#f-applicantType-natural_person').check()
    await page.getByLabel('姓名或名称').fill('张三')
    await page.getByLabel('证件类型').selectOption('resident_id')
    await page.getByLabel('证件号码').fill('11010519491231002X')
    await page.getByLabel('联系电话').fill(PHONE)
    await page.getByLabel('通信地址').fill('示例区示例路1号')
    await page.getByLabel('所需政府信息的名称或内容描述').fill(DESCRIPTION)
    await page.locator('#f-formWanted-electronic').check()
    await page.locator('#f-deliveryMethod-post').check()
    await page.getByRole('button', { name: '提交申请' }).click()
    trackingCode = ((await page.locator('#tracking-code').textContent()) ?? '').trim()
    expect(trackingCode).toMatch(/^[A-Z0-9]{6,}$/)
  })

  it('the officer finds it awaiting 确认, confirms receipt and requests 补正', async () => {
    await signIn('case-officer')
    await page.getByRole('link', { name: '依申请公开' }).click()
    await checkAxe()
    await page.getByRole('link', { name: '待确认收到' }).click()
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('张三')
    expect(main).not.toContain('11010519491231002X')
    expect(main).not.toContain(PHONE)
    await page.getByRole('link', { name: trackingCode }).click()
    caseUrl = page.url().split('?')[0] ?? ''
    await checkAxe()
    await step('confirm', '已确认收到申请')
    await step('request_correction', '已记录补正告知', async (form) => {
      await form.getByLabel('需要补正的事项（每行一项）').fill('请写明所需信息的具体年份和项目名称')
      await form.getByLabel('补正期限（工作日）').fill('10')
    })
  })

  it('the applicant sees the 补正 request on the tracking page', async () => {
    await page.context().clearCookies()
    await page.goto(`${base}/zfxxgk/${bureauId}/ysqgk/track`)
    await page.getByLabel('查询码').fill(trackingCode)
    await page.getByLabel('联系电话').fill(PHONE)
    await page.getByRole('button', { name: '查询' }).click()
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('补正告知')
    expect(main).toContain('请写明所需信息的具体年份和项目名称')
  })

  it('the officer records the correction, extends with approval, answers 部分公开 and sends the 答复书', async () => {
    await signIn('case-officer')
    await page.goto(caseUrl)
    await step('record_correction', '已记录收到补正')
    await checkAxe() // the page with the most step forms (in progress)
    await step('extension', '已记录延期', async (form) => {
      await form.getByLabel('批准人').fill('办公室主任李某')
      await form.getByLabel('延长工作日数').fill('20')
      await form.getByLabel('延期理由').fill('需要调取多个年度的档案')
    })
    expect(await page.locator('main').textContent()).toContain('经政府信息公开工作机构负责人同意延长答复期限')
    await step('answer', '已记录答复', async (form) => {
      await form.getByLabel('答复类型').selectOption('partially_disclosed')
    })
    const letters = page.locator('form[action$="/letters"]')
    await letters.getByLabel('文书类型').selectOption('answer')
    await letters.getByLabel('说明或理由（不予公开部分的理由等）').fill('涉及第三方个人信息的部分不予公开。')
    await letters.getByRole('button', { name: '预览' }).click()
    await expect(page.locator('.body-preview').textContent()).resolves.toContain('发送时编号')
    await page.locator('form[action$="/letters"]').getByRole('button', { name: '生成并发送' }).click()
    await expect(page.locator('main p.notice').first().textContent()).resolves.toContain('文书已生成并发送')
    const href = (await page.getByRole('link', { name: 'PDF' }).last().getAttribute('href')) ?? ''
    const pdf = await page.request.get(`${base}${href}`)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const file = path.join(dataDir, 'answer.pdf')
    writeFileSync(file, await pdf.body())
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toMatch(/依公开〔\d{4}〕第\d+号/)
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十七条')
    expect(text).toContain('涉及第三方个人信息的部分不予公开')
    expect(text).toContain('行政复议')
  })

  it('the audit log shows every step of the case', async () => {
    await signIn('admin')
    const caseId = /applications\/(\d+)/.exec(caseUrl)?.[1] ?? ''
    const response = await page.request.get(`${base}/api/v1/audit-log?pageSize=500`)
    const entries = ((await response.json()) as { data: { action: string; targetId: string | null }[] }).data
    const actions = entries.filter((e) => e.targetId === caseId).map((e) => e.action)
    for (const action of [
      'application.confirm_receipt',
      'application.request_correction',
      'application.record_correction',
      'application.approve_extension',
      'application.answer',
      'application.send_letter',
    ]) {
      expect(actions, action).toContain(action)
    }
    await page.goto(`${base}/admin/audit?action=application.send_letter`)
    // The log names the action in Chinese (the filter's option list has the same words, so read the rows).
    expect(await page.locator('main tbody').textContent()).toContain('发出文书')
  })

  it('the 依申请公开 console pages have no serious or critical axe violations', async () => {
    await signIn('case-officer')
    await page.goto(`${base}/admin/applications/new`)
    await checkAxe()
    expect(axeProblems).toEqual([])
  })

  it('another agency’s 依申请办理员 cannot open the case (403, no data)', async () => {
    await signIn('street-officer', streetOfficerPassword)
    if (page.url().endsWith('/admin/password')) {
      await page.locator('#f-currentPassword').fill(streetOfficerPassword)
      await page.locator('#f-newPassword').fill('Qz8-江河-2026-ubx')
      await page.locator('#f-confirmPassword').fill('Qz8-江河-2026-ubx')
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.waitForLoadState()
      expect(await page.locator('main').textContent()).not.toMatch(/不能|有误|不一致/)
    }
    const response = await page.goto(caseUrl)
    expect(response?.status()).toBe(403)
    const body = (await page.content()) ?? ''
    expect(body).not.toContain(DESCRIPTION)
    expect(body).not.toContain('张三')
    await page.goto(`${base}/admin/applications`)
    expect(await page.locator('main').textContent()).not.toContain(trackingCode)
  })
})
