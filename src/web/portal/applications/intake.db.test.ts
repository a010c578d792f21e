// The public online application: form → submit → receipt → tracking, on both engines. Double submit makes one
// case; the receipt masks identity and contact details; tracking needs code AND phone and answers a wrong one
// with the same generic page; 补正 items and sent letters appear on it, the PDF only with the same proof; the
// calendar-unknown deadline is said in words; nothing of an application shows on any other public page.
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildActor, buildAgency, buildApplication } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { confirmReceipt, requestCorrection, sendLetter } from '../../../applications/index.ts'
import { buildTestServer } from '../../testing/web-test-kit.ts'
import { buildColumn } from '../portal-test-data.ts'
import { openForm, postIntake, postUrlencoded, TINY_PDF, TINY_PNG, validFields } from './test-kit.ts'

let ipSerial = 0
/** A fresh client address per test, so the per-IP limits of one test never touch another. */
const nextIp = () => `10.20.${Math.floor(++ipSerial / 250)}.${(ipSerial % 250) + 1}`

function text(html: string): string {
  return load(html)('main').text().replace(/\s+/g, ' ')
}

describeDb('portal 依申请公开: intake, receipt and tracking', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  const countCases = async (agencyId: number) =>
    Number(
      (
        await t.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    )

  async function submitValid(agencyId: number, overrides: Record<string, string> = {}) {
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agencyId}/ysqgk/`, ip)
    const response = await postIntake(app, session, agencyId, validFields(overrides), { remoteAddress: ip })
    const code = load(response.body)('#tracking-code').text().trim()
    return { response, code, session, ip }
  }

  it('shows the form with labelled fields, a CSRF token and a one-time key, never cached', async () => {
    const agency = await buildAgency(t.db, { name: '示例区住房和城乡建设局' })
    const response = await app.inject({ method: 'GET', url: `/zfxxgk/${agency.id}/ysqgk/` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers.etag).toBeUndefined()
    const $ = load(response.body)
    expect($('h1').text()).toBe('政府信息公开申请')
    expect($('main').text()).toContain('示例区住房和城乡建设局')
    for (const id of [
      'f-name',
      'f-idNumber',
      'f-phone',
      'f-email',
      'f-address',
      'f-description',
      'f-idCopy',
    ]) {
      expect($(`label[for="${id}"]`).length, id).toBe(1)
    }
    for (const legend of ['申请人类型', '法人或其他组织类型', '获取信息的形式', '获取信息的方式']) {
      expect($('legend').text()).toContain(legend)
    }
    for (const sub of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) {
      expect($('#f-orgSubtype').text()).toContain(sub)
    }
    expect($('input[name="_csrf"]').val()).toBeTruthy()
    expect(String($('input[name="idempotencyKey"]').val())).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect($('form.apply-form').attr('enctype')).toBe('multipart/form-data')
    // Two visits, two keys.
    const again = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`)
    expect(again.formKey).not.toBe($('input[name="idempotencyKey"]').val())
  })

  it('answers 404 for an unknown agency', async () => {
    for (const url of ['/zfxxgk/999999/ysqgk/', '/zfxxgk/abc/ysqgk/', '/zfxxgk/999999/ysqgk/track']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404)
    }
  })

  it('links the form from the agency 专栏 home', async () => {
    const agency = await buildAgency(t.db)
    await buildColumn(t.db, agency, { name: '政府信息公开指南', slug: 'guide' })
    const home = await app.inject({ method: 'GET', url: `/zfxxgk/${agency.id}/` })
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain(`href="/zfxxgk/${agency.id}/ysqgk/"`)
  })

  it('submits → receipt with the tracking code, next steps, masked details; the case awaits 确认', async () => {
    const agency = await buildAgency(t.db, { name: '示例区交通运输局' })
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    const response = await postIntake(app, session, agency.id, validFields(), {
      remoteAddress: ip,
      files: [
        { field: 'idCopy', fileName: '身份证.png', contentType: 'image/png', content: TINY_PNG },
        { field: 'authorisation', fileName: '委托书.pdf', contentType: 'application/pdf', content: TINY_PDF },
      ],
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const $ = load(response.body)
    const code = $('#tracking-code').text().trim()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    const body = text(response.body)
    expect(body).toContain('双方确认之日为收到申请之日')
    expect(body).toContain('第三十一条')
    expect(body).toContain('20个工作日内予以答复')
    expect(body).toContain('7个工作日内一次性告知')
    expect(body).toContain('138****8000')
    expect(body).toContain('110105********002X')
    expect(body).toContain('z***@example.cn')
    expect(response.body).not.toContain('13800138000')
    expect(response.body).not.toContain('11010519491231002X')
    expect(response.body).not.toContain('zhangsan@')

    const row = await t.db
      .selectFrom('applications')
      .select(['id', 'status', 'channel', 'idempotency_key', 'received_on'])
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'awaiting_confirmation',
      channel: 'online',
      idempotency_key: session.formKey,
      received_on: null,
    })
    const files = await t.db
      .selectFrom('application_attachments')
      .select(['kind', 'media_type', 'size_bytes'])
      .where('application_id', '=', row.id)
      .orderBy('kind')
      .execute()
    expect(files).toEqual([
      { kind: 'authorisation', media_type: 'application/pdf', size_bytes: TINY_PDF.length },
      { kind: 'id_copy', media_type: 'image/png', size_bytes: TINY_PNG.length },
    ])

    // Nothing about it on the other public pages.
    for (const url of [
      '/',
      `/zfxxgk/${agency.id}/`,
      `/search?q=${encodeURIComponent('老旧小区')}`,
      '/ysqgk/track',
    ]) {
      const page = await app.inject({ method: 'GET', url })
      expect(page.body, url).not.toContain(code)
      expect(page.body, url).not.toContain('张三')
    }
  })

  it('an organisation with its subtype, a credit code and a contact person is accepted', async () => {
    const agency = await buildAgency(t.db)
    const { response, code } = await submitValid(agency.id, {
      applicantType: 'organisation',
      orgSubtype: 'research',
      name: '示例科学研究院',
      idType: 'credit_code',
      idNumber: '11620502MB1958744E',
      contactName: '王五',
    })
    expect(response.statusCode).toBe(200)
    expect(text(response.body)).toContain('科研机构')
    const applicant = await t.db
      .selectFrom('application_applicants')
      .innerJoin('applications', 'applications.id', 'application_applicants.application_id')
      .select(['applicant_type', 'org_subtype', 'contact_name'])
      .where('applications.tracking_code', '=', code)
      .executeTakeFirstOrThrow()
    expect(applicant).toEqual({
      applicant_type: 'organisation',
      org_subtype: 'research',
      contact_name: '王五',
    })
  })

  it('double submit (same one-time key) creates one case and shows the same receipt', async () => {
    const agency = await buildAgency(t.db)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    const [a, b] = await Promise.all([
      postIntake(app, session, agency.id, validFields(), { remoteAddress: ip }),
      postIntake(app, session, agency.id, validFields(), { remoteAddress: ip }),
    ])
    const c = await postIntake(app, session, agency.id, validFields(), { remoteAddress: ip })
    const codes = [a, b, c].map((r) => {
      expect(r.statusCode).toBe(200)
      return load(r.body)('#tracking-code').text().trim()
    })
    expect(new Set(codes).size).toBe(1)
    expect(await countCases(agency.id)).toBe(1)
    expect(text(c.body)).toContain('未重复登记')
    // A new visit of the form is a new application.
    await submitValid(agency.id)
    expect(await countCases(agency.id)).toBe(2)
  })

  it('refuses a POST without the CSRF token (403) and stores nothing', async () => {
    const agency = await buildAgency(t.db)
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`)
    const response = await postIntake(app, { ...session, token: 'forged' }, agency.id, validFields(), {
      remoteAddress: nextIp(),
    })
    expect(response.statusCode).toBe(403)
    expect(await countCases(agency.id)).toBe(0)
  })

  it('tracks with code + phone: status, deadline in words, no personal data', async () => {
    const agency = await buildAgency(t.db, { name: '示例区民政局' })
    const { code } = await submitValid(agency.id)
    const ip = nextIp()
    const session = await openForm(app, '/ysqgk/track', ip)
    const response = await postUrlencoded(
      app,
      session,
      '/ysqgk/track',
      { trackingCode: code.toLowerCase(), phone: '138-0013-8000' },
      ip,
    )
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const $ = load(response.body)
    expect($('#track-status').text()).toContain('待确认收到')
    expect($('#track-deadline').text()).toContain('自双方确认收到申请之日起计算')
    expect($('#track-result').text()).toContain('示例区民政局')
    expect($('#track-letters').text()).toContain('暂无')
    // Only status, dates and letters: neither the applicant nor the request text.
    expect(response.body).not.toContain('张三')
    expect(response.body).not.toContain('老旧小区')
    expect(response.body).not.toContain('11010519491231002X')
  })

  it('a wrong phone and an unknown code give the same generic page (no enumeration)', async () => {
    const agency = await buildAgency(t.db)
    const { code } = await submitValid(agency.id)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/track`, ip)
    const url = `/zfxxgk/${agency.id}/ysqgk/track`
    const wrongPhone = await postUrlencoded(
      app,
      session,
      url,
      { trackingCode: code, phone: '13900000000' },
      ip,
    )
    const unknownCode = await postUrlencoded(
      app,
      session,
      url,
      { trackingCode: 'ZZZZZZZZZZZZ', phone: '13900000000' },
      ip,
    )
    const badShape = await postUrlencoded(
      app,
      session,
      url,
      { trackingCode: '<b>x</b>', phone: '13900000000' },
      ip,
    )
    for (const r of [wrongPhone, unknownCode, badShape]) {
      expect(r.statusCode).toBe(404)
      expect(load(r.body)('#track-result').length).toBe(0)
      expect(text(r.body)).toContain('查询码或联系电话不正确')
    }
    const strip = (body: string, typed: string) =>
      text(body)
        .replace(/name="_csrf" value="[^"]*"/, '')
        .replace(typed, 'CODE')
    expect(strip(wrongPhone.body, code)).toBe(strip(unknownCode.body, 'ZZZZZZZZZZZZ'))
    // Empty input is a 422 with a message under the field, not a lookup.
    const empty = await postUrlencoded(app, session, url, { trackingCode: '', phone: '' }, ip)
    expect(empty.statusCode).toBe(422)
    expect(load(empty.body)('#f-trackingCode-error').text()).toBe('请填写查询码')
  })

  it('shows 补正 items and sent letters; the PDF downloads only with code + phone', async () => {
    const agency = await buildAgency(t.db, { name: '示例区教育局' })
    const officer = await buildActor(t.db, agency, 'case_officer')
    const { id, trackingCode: code } = await buildApplication(
      t.db,
      agency,
      [{ type: 'received', on: '2026-03-02', channel: 'online' }],
      { phone: '13800138000' },
    )
    const now = { now: new Date('2026-03-05T02:00:00Z') }
    await confirmReceipt(t.db, officer, { applicationId: id, on: '2026-03-03' }, now)
    await requestCorrection(
      t.db,
      officer,
      {
        applicationId: id,
        on: '2026-03-05',
        items: ['请明确所需信息的年份', '<script>alert(1)</script>'],
        periodWorkingDays: 10,
      },
      now,
    )
    const letter = await sendLetter(
      t.db,
      officer,
      { applicationId: id, on: '2026-03-05', request: 'correction_notice' },
      now,
    )
    const ip = nextIp()
    const session = await openForm(app, '/ysqgk/track', ip)
    const response = await postUrlencoded(
      app,
      session,
      '/ysqgk/track',
      { trackingCode: code, phone: '13800138000' },
      ip,
    )
    expect(response.statusCode).toBe(200)
    const $ = load(response.body)
    expect($('#track-status').text()).toContain('待申请人补正')
    expect($('#track-deadline').text()).toContain('自收到补正后的申请之日起重新计算')
    expect(
      $('.correction-items li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['请明确所需信息的年份', '<script>alert(1)</script>'])
    expect($('script').length).toBe(0)
    // 10 working days after 2026-03-05 (first day not counted): 2026-03-19.
    expect($('#track-correction').text()).toContain('2026年3月19日前补正')
    expect($('#track-letters').text()).toContain(letter.number)
    const form = $('#track-letters form')
    expect(form.attr('method')).toBe('post')
    const fields = Object.fromEntries(
      form
        .find('input[type="hidden"]')
        .map((_, el) => [[$(el).attr('name') ?? '', $(el).attr('value') ?? '']])
        .get() as [string, string][],
    )
    expect(fields.letterId).toBe(String(letter.id))
    const pdf = await postUrlencoded(
      app,
      session,
      '/ysqgk/track/letter',
      { ...fields, _csrf: session.token },
      ip,
    )
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['cache-control']).toBe('no-store')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const wrong = await postUrlencoded(
      app,
      session,
      '/ysqgk/track/letter',
      { ...fields, phone: '13900000000' },
      ip,
    )
    expect(wrong.statusCode).toBe(404)
    expect(wrong.headers['content-type']).toContain('text/html')
    // Another case's letter id with this case's proof: nothing.
    const other = await postUrlencoded(
      app,
      session,
      '/ysqgk/track/letter',
      { ...fields, letterId: String(letter.id + 999) },
      ip,
    )
    expect(other.statusCode).toBe(404)
    // Not by GET.
    expect(
      (await app.inject({ method: 'GET', url: `/ysqgk/track/letter?letterId=${letter.id}` })).statusCode,
    ).toBe(404)
  })

  it('says the deadline is unknown when it reaches a year whose holiday schedule is not published', async () => {
    const agency = await buildAgency(t.db)
    const { trackingCode } = await buildApplication(
      t.db,
      agency,
      [{ type: 'received', on: '2026-12-21', channel: 'in_person' }],
      { phone: '13700137000' },
    )
    const ip = nextIp()
    const session = await openForm(app, '/ysqgk/track', ip)
    const response = await postUrlencoded(
      app,
      session,
      '/ysqgk/track',
      { trackingCode, phone: '13700137000' },
      ip,
    )
    expect(response.statusCode).toBe(200)
    expect(load(response.body)('#track-deadline').text()).toContain('2027年的法定节假日安排尚未公布')
  })
})
