// The annual report console through HTTP on both engines: who may see and edit the builder (other agency 403,
// CSRF), the publication gate (an error finding blocks; a 机构管理员's written reason overrides and is audited;
// a 信息发布员 cannot override), immutability (a correction is version 2 with its note; version 1 and its
// hash stay), the drill-down, the 行政复议/行政诉讼 pages and the supervising office's aggregation.
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildApplication, buildUser, TEST_CREDIT_CODE } from '../../../../test/factories.ts'
import type { Agency, Role } from '../../../accounts/index.ts'
import { systemActor } from '../../../accounts/index.ts'
import { computeAnnualReport } from '../../../annual-report/compute/index.ts'
import { publishReport } from '../../../annual-report/publish/index.ts'
import { renderHtml } from '../../../annual-report/index.ts'
import { ensureDefaultColumns } from '../../../catalogue/index.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  type CsrfPair,
} from '../../testing/web-test-kit.ts'

const FEE = 't2.art20_8.administrative_fees.fee_amount'

/** A multipart/form-data body with text fields and one file, as a browser sends an upload form. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----gongkai-test-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'content-type: application/octet-stream\r\n\r\n',
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

describeDb('annual report console', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let root: Agency
  let mid: Agency
  let other: Agency
  let admin: CsrfPair
  let publisher: CsrfPair
  let officer: CsrfPair
  let supervisor: CsrfPair
  let stranger: CsrfPair
  let base: string

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    await app.ready()
    root = await buildAgency(t.db, { name: '示例市人民政府办公室', kind: 'general_office' })
    mid = await buildAgency(t.db, { parent: root, name: '示例市教育局', creditCode: TEST_CREDIT_CODE })
    other = await buildAgency(t.db, { name: '无关局' })
    await ensureDefaultColumns(t.db, systemActor('test'), mid.id)
    await buildApplication(t.db, mid, [{ type: 'received', on: '2025-03-02', channel: 'in_person' }])
    const as = async (agency: Agency, role: readonly Role[], page = '/admin/password') => {
      const { user } = await buildUser(t.db, { agency, roles: role })
      return fetchCsrf(app, await sessionCookie(t.db, user), page)
    }
    base = `/admin/reports/${mid.id}/2025`
    admin = await as(mid, ['agency_admin'], base)
    publisher = await as(mid, ['publisher'], base)
    officer = await as(mid, ['case_officer'])
    supervisor = await as(root, ['supervisor'])
    stranger = await as(other, ['agency_admin'])
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (who: CsrfPair, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })
  const audit = (action: string) =>
    t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()

  it('shows the builder to the agency and the 监督员 above, computed cells linked to their records; 403 elsewhere', async () => {
    const page = await get(admin, base)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`href="${base}/cells/t3.new_received.total"`)
    expect(page.body).toContain('公布期限')
    expect(page.body).toContain('发布年度报告')
    const read = await get(supervisor, base)
    expect(read.statusCode).toBe(200)
    expect(read.body).not.toContain(`action="${base}/publish"`)
    expect((await get(stranger, base)).statusCode).toBe(403)
    const cell = await get(admin, `${base}/cells/t3.new_received.total`)
    expect(cell.statusCode).toBe(200)
    expect(cell.body).toMatch(/href="\/admin\/applications\/\d+"/)
    expect((await get(admin, `${base}/cells/t9.nothing`)).statusCode).toBe(422)
  })

  it('saves the texts with CSRF only, audited; another agency cannot write', async () => {
    const noCsrf = await app.inject({
      method: 'POST',
      url: `${base}/sections`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 's5_problems=x',
    })
    expect(noCsrf.statusCode).toBe(403)
    const saved = await postForm(app, admin, `${base}/sections`, {
      s5_problems: '存在的主要问题：栏目更新不够及时。',
    })
    expect(saved.statusCode).toBe(303)
    expect((await get(admin, base)).body).toContain('栏目更新不够及时')
    expect(await audit('annual_report.draft_save')).toHaveLength(1)
    const refused = await postForm(app, stranger, `${base}/sections`, { s5_problems: '他人改写' })
    expect(refused.statusCode).toBe(403)
    expect(await audit('annual_report.draft_save')).toHaveLength(1)
  })

  it('blocks publication on an error finding; a 机构管理员 overrides with a reason, which is audited', async () => {
    const figures = await postForm(app, admin, `${base}/figures`, {
      cell: [FEE],
      value: ['50000000'],
      source: ['财务系统'],
    })
    expect(figures.statusCode).toBe(303)
    expect((await get(admin, base)).body).toContain('P-UNITS')
    const blocked = await postForm(app, publisher, `${base}/publish`, {})
    expect(blocked.statusCode).toBe(409)
    const notAdmin = await postForm(app, publisher, `${base}/publish`, { overrideReason: '我想发布' })
    expect(notAdmin.statusCode).toBe(403)
    expect(await t.db.selectFrom('report_versions').selectAll().execute()).toHaveLength(0)
    const overridden = await postForm(app, admin, `${base}/publish`, {
      overrideReason: '收费金额经财务核实无误',
    })
    expect(overridden.statusCode).toBe(303)
    const [entry] = await audit('annual_report.publish_override')
    expect(JSON.parse(entry?.after_json ?? '{}')).toEqual({ reason: '收费金额经财务核实无误' })
    expect(entry?.before_json).toContain('P-UNITS')
    const [v1] = await t.db.selectFrom('report_versions').selectAll().execute()
    expect(v1).toMatchObject({ version: 1, override_reason: '收费金额经财务核实无误', error_count: 1 })
    const item = await t.db
      .selectFrom('catalogue_items')
      .innerJoin('catalogue_columns', 'catalogue_columns.id', 'catalogue_items.column_id')
      .select(['catalogue_items.status', 'catalogue_columns.kind', 'catalogue_items.id'])
      .where('catalogue_items.id', '=', v1?.item_id ?? 0)
      .executeTakeFirstOrThrow()
    expect(item).toMatchObject({ status: 'published', kind: 'annual_report' })
    const files = await t.db
      .selectFrom('catalogue_attachments')
      .select('file_name')
      .where('item_id', '=', item.id)
      .execute()
    expect(files.map((f) => f.file_name.slice(-4)).sort()).toEqual(['.pdf', 'docx'])
  })

  it('keeps a published version immutable: a correction needs its note and becomes version 2', async () => {
    await postForm(app, admin, `${base}/figures`, {
      cell: [FEE],
      value: ['12.5'],
      source: ['财务系统（已更正单位）'],
    })
    const noNote = await postForm(app, admin, `${base}/publish`, {})
    expect(noNote.statusCode).toBe(422)
    expect(noNote.body).toContain('请说明本次更正的内容')
    const corrected = await postForm(app, publisher, `${base}/publish`, {
      changeNote: '收费金额单位更正为万元',
    })
    expect(corrected.statusCode).toBe(303)
    const versions = await t.db.selectFrom('report_versions').selectAll().orderBy('version').execute()
    expect(versions.map((v) => [v.version, v.change_note, v.override_reason])).toEqual([
      [1, null, '收费金额经财务核实无误'],
      [2, '收费金额单位更正为万元', null],
    ])
    for (const v of versions) {
      const json = await app.inject({ method: 'GET', url: `${base}/v${v.version}.json` })
      expect(json.statusCode).toBe(200)
      expect(createHash('sha256').update(json.body, 'utf8').digest('hex')).toBe(v.content_hash)
    }
    expect(versions[0]?.content_hash).not.toBe(versions[1]?.content_hash)
    expect(
      (JSON.parse(versions[0]?.report_json ?? '{}') as { cells: Record<string, number> }).cells[FEE],
    ).toBe(50000000)
    expect((await app.inject({ method: 'GET', url: `${base}/v3.json` })).statusCode).toBe(404)
  })

  it('records 行政复议 cases and outcomes for the agency; 403 for another agency', async () => {
    const created = await postForm(app, officer, `/admin/appeals/${mid.id}`, {
      kind: 'review',
      caseNumber: '示复〔2025〕3号',
      filedOn: '2025-05-06',
      agencyRole: 'original',
      outcome: 'pending',
    })
    expect(created.statusCode).toBe(303)
    const list = await get(officer, `/admin/appeals/${mid.id}`)
    expect(list.body).toContain('示复〔2025〕3号')
    const id = /id="appeal-(\d+)"/.exec(list.body)?.[1] ?? '0'
    const done = await postForm(app, officer, `/admin/appeals/${mid.id}/${id}/outcome`, {
      outcome: 'corrected',
      concludedOn: '2025-08-01',
    })
    expect(done.statusCode).toBe(303)
    const bad = await postForm(app, officer, `/admin/appeals/${mid.id}`, {
      kind: 'review',
      caseNumber: 'X',
      filedOn: '2025-05-06',
      outcome: 'corrected',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.body).toContain('已审结的案件请填写审结日期')
    expect((await get(stranger, `/admin/appeals/${mid.id}`)).statusCode).toBe(403)
    expect((await postForm(app, stranger, `/admin/appeals/${mid.id}`, { kind: 'review' })).statusCode).toBe(
      403,
    )
    const t4 = await get(admin, `${base}/cells/t4.count.review_corrected`)
    expect(t4.body).toContain(`/admin/appeals/${mid.id}#appeal-${id}`)
  })

  it('gives the supervising office the summed tables and the agencies not yet published', async () => {
    const page = await get(supervisor, `/admin/reports/aggregate/${root.id}/2025`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('年度报告汇总')
    expect(page.body).toContain('已发布年度报告')
    // Published (version 2), no errors, but three 表二 figures still not entered: listed as pending.
    expect(page.body).toMatch(/示例市教育局<\/a><\/th><td>已发布第2版<\/td><td>0<\/td><td>3<\/td>/)
    expect(page.body).toContain('data-cell="t4.count.review_corrected"><span>1</span>')
    expect((await get(stranger, `/admin/reports/aggregate/${root.id}/2025`)).statusCode).toBe(403)
  })

  it('imports last year’s published report for the cross-year rules (agency new to the platform)', async () => {
    const url = `/admin/reports/${other.id}/2026`
    const lastYear = (await computeAnnualReport(t.db, { agencyId: other.id, year: 2025 })).report
    const cells = { ...lastYear.cells }
    for (const row of ['new_received', 'carried_forward']) {
      cells[`t3.${row}.natural_person`] = 5
      cells[`t3.${row}.total`] = 5
    }
    const upload = async (report: typeof lastYear, name: string) => {
      const form = stranger
      const body = multipart(
        { _csrf: form.token },
        { name, bytes: Buffer.from(renderHtml(report, { standalone: true })) },
      )
      return app.inject({
        method: 'POST',
        url: `${url}/previous`,
        headers: { cookie: form.cookie, 'content-type': body.contentType },
        payload: body.payload,
      })
    }
    const wrongYear = await upload(
      { ...lastYear, year: 2024, title: '无关局2024年政府信息公开工作年度报告' },
      'old.html',
    )
    expect(wrongYear.statusCode).toBe(422)
    expect(wrongYear.body).toContain('请上传2025年度的报告')
    expect((await upload({ ...lastYear, cells }, '2025年报.html')).statusCode).toBe(303)
    const page = await get(stranger, url)
    expect(page.body).toContain('导入的2025年度报告（2025年报.html）')
    expect(page.body).toMatch(/data-rule="X-T3-CARRY" data-severity="error"/)
    expect(await audit('annual_report.previous_import')).toHaveLength(1)
  })

  it('publishes a version once when two publications race; the other is a conflict', async () => {
    const agency = await buildAgency(t.db, { parent: root, name: '并发发布局', creditCode: TEST_CREDIT_CODE })
    await ensureDefaultColumns(t.db, systemActor('test'), agency.id)
    const { actor } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const publish = () =>
      publishReport(
        t.db,
        actor,
        { agencyId: agency.id, year: 2025 },
        { uploadsDir: '/tmp/report-builder-test-uploads' },
      )
    const results = await Promise.allSettled([publish(), publish()])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const failed = results.find((r) => r.status === 'rejected')
    expect(failed?.status === 'rejected' ? failed.reason : null).toMatchObject({ code: 'conflict' })
    const rows = await t.db
      .selectFrom('report_versions')
      .select('version')
      .where('agency_id', '=', agency.id)
      .execute()
    expect(rows).toEqual([{ version: 1 }])
  })
})
