// The 依申请公开 console through HTTP on both engines: the queue masks personal data and is scoped (监督员
// read-only over its subtree), staff entry refuses bad input with Chinese messages and stores nothing, the
// case page explains the deadline, a step the statute refuses is a 409, the reveal is audited, letters are
// previewed without a number and sent frozen, the CSV export leaves ID numbers out for roles that may not
// see them.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listAuditLog, type Actor, type Agency } from '../../../accounts/index.ts'
import { buildAgency, buildApplication, buildUser } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  type CsrfPair,
} from '../../testing/web-test-kit.ts'

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

describeDb('依申请公开 console', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let root: Agency
  let agency: Agency
  let officer: CsrfPair
  let officerActor: Actor
  let colleague: CsrfPair
  let colleagueActor: Actor
  let stranger: CsrfPair
  let supervisor: CsrfPair
  let admin: CsrfPair

  beforeAll(async () => {
    const { db } = t
    app = await buildTestServer(db)
    root = await buildAgency(db, { name: '示例市人民政府办公室', kind: 'general_office' })
    agency = await buildAgency(db, { parent: root, name: '示例市交通运输局' })
    const other = await buildAgency(db, { name: '示例县人民政府办公室' })
    const login = async (a: Agency, role: 'case_officer' | 'supervisor' | 'agency_admin') => {
      const built = await buildUser(db, { agency: a, roles: [role] })
      return {
        pair: await fetchCsrf(app, await sessionCookie(db, built.user), '/admin/password'),
        actor: built.actor,
      }
    }
    ;({ pair: officer, actor: officerActor } = await login(agency, 'case_officer'))
    ;({ pair: colleague, actor: colleagueActor } = await login(agency, 'case_officer'))
    stranger = (await login(other, 'case_officer')).pair
    supervisor = (await login(root, 'supervisor')).pair
    admin = (await login(agency, 'agency_admin')).pair
  }, 60_000)
  afterAll(async () => {
    await app.close()
  })

  const get = (who: CsrfPair, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })
  const caseCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n,
    )

  it('queue: names only, no ID or phone; scoped to the agency; 监督员 sees the subtree without the intake link', async () => {
    const { trackingCode } = await buildApplication(t.db, agency, [
      { type: 'received', on: '2026-11-16', channel: 'in_person' },
    ])
    const page = await get(officer, '/admin/applications')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(trackingCode)
    expect(page.body).toContain('李四')
    expect(page.body).not.toMatch(/11010519491231002X|13900139000|110105\*/)
    expect(page.body).toContain('登记申请')
    expect((await get(stranger, '/admin/applications')).body).not.toContain(trackingCode)
    const overseen = await get(supervisor, '/admin/applications')
    expect(overseen.body).toContain(trackingCode)
    expect(overseen.body).not.toContain('/admin/applications/new')
    expect(overseen.body).toContain('只读')
    const searched = await get(officer, `/admin/applications?search=${trackingCode}`)
    expect(searched.body).toContain(trackingCode)
    expect((await get(officer, '/admin/applications?search=不存在的内容')).body).not.toContain(trackingCode)
    expect((await get(officer, '/admin/applications?view=nonsense')).statusCode).toBe(422)
    expect((await get(officer, `/admin/applications?page=abc`)).statusCode).toBe(422)
  })

  it('staff entry (条例第二十九条): refused input keeps what was typed, nothing stored; a valid entry opens the case', async () => {
    const fields = {
      agencyId: String(agency.id),
      channel: 'oral',
      arrivedOn: '2026-11-20',
      applicantType: 'natural_person',
      name: '赵六<script>',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      description: '2026年道路养护资金使用情况',
      formWanted: 'electronic',
      deliveryMethod: 'pickup',
    }
    const before = await caseCount()
    const refused = await postForm(app, officer, '/admin/applications/new', {
      ...fields,
      idNumber: '110105194912310021',
      description: '',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('请填写所需政府信息的名称或内容描述')
    const badId = await postForm(app, officer, '/admin/applications/new', {
      ...fields,
      idNumber: '110105194912310021',
    })
    expect(badId.statusCode).toBe(422)
    expect(badId.body).toContain('居民身份证号码不正确')
    expect(refused.body).toContain('value="赵六<script>"') // kept, inside a quoted attribute (escaped by @kitajs/html)
    const future = await postForm(app, officer, '/admin/applications/new', {
      ...fields,
      arrivedOn: '2099-01-01',
    })
    expect(future.statusCode).toBe(422)
    const plainWithConfirm = await postForm(app, officer, '/admin/applications/new', {
      ...fields,
      confirmedOn: '2026-11-21',
    })
    expect(plainWithConfirm.statusCode).toBe(422)
    expect(await caseCount()).toBe(before)
    const created = await postForm(app, officer, '/admin/applications/new', fields)
    expect(created.statusCode).toBe(303)
    const page = await get(officer, created.headers.location ?? '')
    expect(page.body).toContain('申请已登记')
    expect(page.body).toContain('口头提出')
    expect(page.body).toContain('2026-11-20')
    expect(await caseCount()).toBe(before + 1)
  })

  it('case page: deadline explained day by day; other agency 403 without data; refused step 409 with the reason', async () => {
    const { id } = await buildApplication(
      t.db,
      agency,
      [{ type: 'received', on: '2026-09-29', channel: 'in_person' }],
      { officerId: officerActor.userId },
    )
    const page = await get(officer, `/admin/applications/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('逐日说明')
    expect(page.body).toContain('节假日') // 2026 国庆 falls inside the period
    expect(page.body).toContain('条例第三十三条')
    const foreign = await get(stranger, `/admin/applications/${id}`)
    expect(foreign.statusCode).toBe(403)
    expect(foreign.body).not.toContain('测试申请')
    expect((await get(officer, '/admin/applications/99999999')).statusCode).toBe(404)
    expect((await get(officer, '/admin/applications/abc')).statusCode).toBe(404)
    const readOnly = await get(supervisor, `/admin/applications/${id}`)
    expect(readOnly.statusCode).toBe(200)
    expect(readOnly.body).not.toContain('/steps/')
    const closeEarly = await postForm(app, officer, `/admin/applications/${id}/steps/close`, { on: TODAY })
    expect(closeEarly.statusCode).toBe(409)
    const badDate = await postForm(app, officer, `/admin/applications/${id}/steps/extension`, {
      on: '2026-13-01',
      approver: '',
      workingDays: '30',
      reason: '',
    })
    expect(badDate.statusCode).toBe(422)
    expect(badDate.body).toContain('最长不得超过20个工作日')
    expect(
      (await postForm(app, officer, `/admin/applications/${id}/steps/nonsense`, { on: TODAY })).statusCode,
    ).toBe(404)
  })

  it('reveal is for the case officer and administrators, audited; assignment checks the officer and is audited', async () => {
    const { id } = await buildApplication(t.db, agency, undefined, { officerId: officerActor.userId })
    const full = await postForm(app, officer, `/admin/applications/${id}/reveal`, {})
    expect(full.statusCode).toBe(200)
    expect(full.body).toContain('11010519491231002X')
    expect((await postForm(app, colleague, `/admin/applications/${id}/reveal`, {})).statusCode).toBe(403)
    expect((await postForm(app, supervisor, `/admin/applications/${id}/reveal`, {})).statusCode).toBe(403)
    expect((await postForm(app, admin, `/admin/applications/${id}/reveal`, {})).statusCode).toBe(200)

    const wrong = await postForm(app, officer, `/admin/applications/${id}/assign`, { officerId: '99999' })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('承办人须为本机关在职的依申请办理员')
    const moved = await postForm(app, officer, `/admin/applications/${id}/assign`, {
      officerId: String(colleagueActor.userId),
    })
    expect(moved.statusCode).toBe(303)
    // Now the colleague is the officer: the reveal follows the assignment.
    expect((await postForm(app, colleague, `/admin/applications/${id}/reveal`, {})).statusCode).toBe(200)
    expect((await postForm(app, officer, `/admin/applications/${id}/reveal`, {})).statusCode).toBe(403)
    const audit = await listAuditLog(t.db, officerActor, { pageSize: 100 }).catch(() => null)
    const log =
      audit ?? (await listAuditLog(t.db, { ...officerActor, roles: ['platform_admin'] }, { pageSize: 100 }))
    const mine = log.items.filter((e) => e.targetId === String(id))
    expect(mine.filter((e) => e.action === 'application.reveal_applicant')).toHaveLength(3)
    expect(mine.filter((e) => e.action === 'application.assign_officer')).toHaveLength(1)
  })

  it('letters: preview carries no number and stores nothing; send freezes a numbered PDF; downloads follow view rights', async () => {
    const { id } = await buildApplication(t.db, agency, [
      { type: 'received', on: '2026-11-02', channel: 'in_person' },
      {
        type: 'correction_requested',
        on: '2026-11-03',
        correctionPeriodWorkingDays: 10,
        items: ['请提供文号'],
      },
    ])
    const letters = async () =>
      Number(
        (
          await t.db
            .selectFrom('application_letters')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      )
    const before = await letters()
    const preview = await postForm(app, officer, `/admin/applications/${id}/letters`, {
      intent: 'preview',
      request: 'correction_notice',
      on: TODAY,
    })
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('发送时编号')
    expect(preview.body).toContain('请提供文号')
    expect(await letters()).toBe(before)
    const noAnswer = await postForm(app, officer, `/admin/applications/${id}/letters`, {
      intent: 'send',
      request: 'answer',
      on: TODAY,
    })
    expect(noAnswer.statusCode).toBe(409)
    expect(noAnswer.body).toContain('尚未记录答复')
    const sent = await postForm(app, officer, `/admin/applications/${id}/letters`, {
      intent: 'send',
      request: 'correction_notice',
      on: TODAY,
    })
    expect(sent.statusCode).toBe(303)
    const page = await get(officer, `/admin/applications/${id}`)
    const letterId = /letters\/(\d+)\/pdf/.exec(page.body)?.[1]
    expect(page.body).toMatch(/依公开〔2026〕第\d+号/)
    const pdf = await get(officer, `/admin/applications/letters/${letterId}/pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await get(stranger, `/admin/applications/letters/${letterId}/pdf`)).statusCode).toBe(403)
    expect((await get(officer, `/admin/applications/letters/${letterId}/exe`)).statusCode).toBe(404)
  })

  it('export: ID numbers and contacts only for roles that may see them, and only their cases; audited', async () => {
    const { trackingCode } = await buildApplication(t.db, agency, undefined, {
      officerId: officerActor.userId,
    })
    const byOfficer = await get(officer, '/admin/applications/export.csv')
    expect(byOfficer.statusCode).toBe(200)
    expect(byOfficer.headers['content-type']).toContain('text/csv')
    expect(byOfficer.body).toContain('证件号码')
    const line = byOfficer.body.split('\r\n').find((l) => l.startsWith(trackingCode)) ?? ''
    expect(line).toContain('11010519491231002X')
    const byColleague = await get(colleague, '/admin/applications/export.csv')
    const colleagueLine = byColleague.body.split('\r\n').find((l) => l.startsWith(trackingCode)) ?? ''
    expect(colleagueLine).toContain('110105********002X')
    const bySupervisor = await get(supervisor, '/admin/applications/export.csv')
    expect(bySupervisor.body).toContain(trackingCode)
    expect(bySupervisor.body).not.toContain('证件号码')
    expect(bySupervisor.body).not.toMatch(/11010519491231002X|13900139000/)
    // A cell a spreadsheet would run as a formula is written as text.
    const { trackingCode: formulaCode } = await buildApplication(t.db, agency, undefined, {
      name: '=HYPERLINK("http://x","y")',
    })
    const withFormula = await get(officer, '/admin/applications/export.csv')
    const formulaLine = withFormula.body.split('\r\n').find((l) => l.startsWith(formulaCode)) ?? ''
    expect(formulaLine).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    const exports = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'application.export_queue')
      .execute()
    expect(exports.length).toBeGreaterThanOrEqual(3)
  })
  it('fuzzed step, assignment and letter fields (over-long, repeated, script, wrong type) are 4xx, never 500, nothing half-written', async () => {
    const { id } = await buildApplication(
      t.db,
      agency,
      [{ type: 'received', on: '2026-11-16', channel: 'in_person' }],
      {
        officerId: officerActor.userId,
      },
    )
    const events = async () =>
      (await t.db.selectFrom('application_events').select('seq').where('application_id', '=', id).execute())
        .length
    const before = await events()
    const bad: readonly (string | readonly string[])[] = [
      'x'.repeat(10_000),
      ['2026-11-20', '2026-11-21'],
      '<script>alert(1)</script>',
      '-1',
      '',
    ]
    const posts: readonly [string, readonly string[]][] = [
      ['steps/request_correction', ['on', 'items', 'periodWorkingDays']],
      ['steps/extension', ['on', 'approver', 'workingDays', 'reason']],
      ['steps/start_consultation', ['on', 'party', 'deliveredOn']],
      ['steps/fee_notice', ['on', 'method', 'units', 'pages', 'priorThisMonth']],
      ['steps/art35', ['on', 'newDueDate', 'reason']],
      ['steps/answer', ['on', 'answerType']],
      ['assign', ['officerId']],
      ['letters', ['on', 'request', 'reasons', 'consultedParty', 'feeBands']],
    ]
    const valid: Readonly<Record<string, string>> = {
      on: TODAY,
      items: '请补充文号',
      periodWorkingDays: '10',
      approver: '主任',
      workingDays: '10',
      reason: '复杂',
      party: 'third_party',
      method: 'per_volume',
      pages: '50',
      units: '1',
      priorThisMonth: '0',
      newDueDate: '2026-12-31',
      answerType: 'disclosed',
      request: 'answer',
      intent: 'preview',
    }
    for (const [path, fields] of posts) {
      for (const field of fields) {
        for (const value of bad) {
          const form: Record<string, string | readonly string[]> = { ...valid, [field]: value }
          const response = await postForm(app, officer, `/admin/applications/${id}/${path}`, form)
          expect(response.statusCode, `${path} ${field}=${String(value).slice(0, 20)}`).toBeLessThan(500)
          expect(response.body.replace(/="[^"]*"/g, ''), `${path} ${field}`).not.toContain(
            '<script>alert(1)</script>',
          )
        }
      }
    }
    // Every refused post left the log as it was; a few valid ones (e.g. an empty optional field) may pass.
    const after = await events()
    // Script text typed into a free-text field (a reason, an approver) may be stored as typed; it is text on
    // the page, never markup.
    const page = await get(officer, `/admin/applications/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body.replace(/="[^"]*"/g, '')).not.toContain('<script>alert(1)</script>')
    expect(after - before).toBeLessThanOrEqual(posts.length)
  }, 120_000)
})
