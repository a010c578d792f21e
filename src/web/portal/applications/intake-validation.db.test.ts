// Bad input on the public forms: every intake field fuzzed with empty, over-long, wrong-type and script input
// → 422 with a Chinese message under that field, the typed values kept, nothing stored; attachments checked by
// content and size; per-IP rate limits → 429 with a Chinese page; every echoed payload inert.
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { DEFAULT_LIMITS } from '../../../config.ts'
import { buildServer } from '../../server.ts'
import { buildTestServer } from '../../testing/web-test-kit.ts'
import {
  multipart,
  openForm,
  postIntake,
  postUrlencoded,
  TINY_PDF,
  TINY_PNG,
  validFields,
  type FilePart,
} from './test-kit.ts'

let ipSerial = 0
const nextIp = () => `10.30.${Math.floor(++ipSerial / 250)}.${(ipSerial % 250) + 1}`

const SCRIPT = '<script>alert(1)</script>'
const long = (n: number) => '长'.repeat(n)

/** A text given as a file part where a text field belongs. */
const AS_FILE = Symbol('file')
type Bad = string | typeof AS_FILE

interface FieldCase {
  readonly field: string
  /** Fields to change besides the fuzzed one (e.g. an organisation for its subtype). */
  readonly context?: Record<string, string>
  readonly bad: Readonly<Record<string, Bad>>
}

const CASES: readonly FieldCase[] = [
  {
    field: 'applicantType',
    bad: { empty: '', long: long(5000), wrong: 'robot', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'orgSubtype',
    context: { applicantType: 'organisation', idType: 'credit_code', idNumber: '11620502MB1958744E' },
    bad: { empty: '', long: long(5000), wrong: 'government', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'name',
    bad: { empty: '  ', long: long(101), control: '张\u202e三', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'idType',
    bad: { empty: '', long: long(5000), wrong: 'driving_licence', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'idNumber',
    bad: { empty: '', long: '1'.repeat(51), checksum: '110105194912310021', file: AS_FILE, script: SCRIPT },
  },
  { field: 'contactName', bad: { long: long(51), file: AS_FILE, script: SCRIPT } },
  {
    field: 'phone',
    bad: { empty: '', long: '1'.repeat(31), letters: '138abc', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'email',
    bad: { empty: '', long: `${'a'.repeat(96)}@x.cn`, wrong: 'not-an-email', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'address',
    context: { deliveryMethod: 'post' },
    bad: { empty: '', long: long(201), file: AS_FILE, script: SCRIPT },
  },
  { field: 'postcode', bad: { long: '1234567', letters: 'abcdef', file: AS_FILE, script: SCRIPT } },
  { field: 'description', bad: { empty: '\n ', long: long(2001), file: AS_FILE, script: `请公开${SCRIPT}` } },
  { field: 'documentRef', bad: { long: long(201), file: AS_FILE, script: `"><img src=x onerror=alert(1)>` } },
  {
    field: 'formWanted',
    bad: { empty: '', long: long(5000), wrong: 'telepathy', file: AS_FILE, script: SCRIPT },
  },
  {
    field: 'deliveryMethod',
    bad: { empty: '', long: long(5000), wrong: 'pigeon', file: AS_FILE, script: SCRIPT },
  },
]

const TABLE = CASES.flatMap((c) => Object.entries(c.bad).map(([kind, value]) => ({ ...c, kind, value })))

/** No script or svg element, no on* attribute, no javascript: URL anywhere on the page. */
function expectInert(body: string, where: string): void {
  const $ = load(body)
  expect($('script').length, `${where}: script`).toBe(0)
  expect($('svg').length, `${where}: svg`).toBe(0)
  expect($('img').length, `${where}: img`).toBe(0)
  $('*').each((_, el) => {
    for (const [name, value] of Object.entries($(el).attr() ?? {})) {
      expect(name.startsWith('on'), `${where}: ${name}`).toBe(false)
      if (name === 'href' || name === 'src' || name === 'action') {
        expect(value.trim().toLowerCase(), where).not.toMatch(/^javascript:/)
      }
    }
  })
}

describeDb('portal 依申请公开: bad input and rate limits', () => {
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

  it.each(TABLE)('$field: $kind input → 422 with a message under the field, nothing stored', async (c) => {
    const agency = await buildAgency(t.db)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    const fields: Record<string, string> = validFields(c.context)
    const files: FilePart[] = []
    if (typeof c.value !== 'string') {
      delete fields[c.field]
      files.push({ field: c.field, fileName: 'x.png', contentType: 'image/png', content: TINY_PNG })
    } else {
      fields[c.field] = c.value
    }
    const response = await postIntake(app, session, agency.id, fields, { files, remoteAddress: ip })
    expect(response.statusCode).toBe(422)
    expect(response.headers['cache-control']).toBe('no-store')
    const $ = load(response.body)
    const message = $(`#f-${c.field}-error`).text()
    expect(message, `${c.field} ${c.kind}`).toMatch(/[\u4e00-\u9fff]/)
    expect($('.error-summary a').length).toBeGreaterThan(0)
    expect($(`.error-summary a[href="#f-${c.field}"]`).length).toBe(1)
    // The other typed values are kept; the key stays, so the corrected submit is the same application.
    expect($('#f-phone').val()).toBe(
      c.field === 'phone' ? (c.value === AS_FILE ? '' : c.value) : fields.phone,
    )
    expect($('#f-description').text()).toBe(
      c.field === 'description' ? (c.value === AS_FILE ? '' : c.value) : fields.description,
    )
    expect($('input[name="idempotencyKey"]').val()).toBe(session.formKey)
    expectInert(response.body, `${c.field} ${c.kind}`)
    expect(await countCases(agency.id)).toBe(0)
  })

  it('a tampered one-time key is refused (422), and the page offers a fresh one', async () => {
    const agency = await buildAgency(t.db)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    const response = await postIntake(
      app,
      session,
      agency.id,
      { ...validFields(), idempotencyKey: SCRIPT },
      {
        remoteAddress: ip,
      },
    )
    expect(response.statusCode).toBe(422)
    expect(load(response.body)('.error-summary').text()).toContain('表单标识无效')
    expect(String(load(response.body)('input[name="idempotencyKey"]').val())).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expectInert(response.body, 'key')
    expect(await countCases(agency.id)).toBe(0)
  })

  const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])
  const ATTACHMENT_CASES: readonly { name: string; file: FilePart; message: string }[] = [
    {
      name: 'an executable renamed .pdf',
      file: { field: 'idCopy', fileName: 'id.pdf', contentType: 'application/pdf', content: EXE },
      message: '附件内容不是允许的文件类型',
    },
    {
      name: 'a PNG named .pdf',
      file: { field: 'idCopy', fileName: 'id.pdf', contentType: 'application/pdf', content: TINY_PNG },
      message: '附件的扩展名与文件内容不符',
    },
    {
      name: 'an empty file',
      file: {
        field: 'authorisation',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        content: Buffer.alloc(0),
      },
      message: '附件是空文件',
    },
    {
      name: 'a file over 10MB',
      file: {
        field: 'authorisation',
        fileName: 'big.pdf',
        contentType: 'application/pdf',
        content: Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]),
      },
      message: '单个附件不能超过10MB',
    },
    {
      name: 'an HTML file',
      file: { field: 'idCopy', fileName: 'x.html', contentType: 'text/html', content: Buffer.from(SCRIPT) },
      message: '附件只能是',
    },
  ]

  it.each(ATTACHMENT_CASES)('refuses $name (422 under the file field, nothing stored)', async (c) => {
    const agency = await buildAgency(t.db)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    const response = await postIntake(app, session, agency.id, validFields({ name: '李四' }), {
      files: [c.file],
      remoteAddress: ip,
    })
    expect(response.statusCode).toBe(422)
    const $ = load(response.body)
    expect($(`#f-${c.file.field}-error`).text()).toContain(c.message)
    expect($('#f-name').val()).toBe('李四')
    expect(await countCases(agency.id)).toBe(0)
    expect(await t.db.selectFrom('application_attachments').select('id').execute()).toEqual([])
  })

  it('answers a malformed or oversized multipart body with a 4xx, never a 500, and stores nothing', async () => {
    const agency = await buildAgency(t.db)
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`)
    const url = `/zfxxgk/${agency.id}/ysqgk/`
    const body = multipart({ _csrf: session.token, ...validFields() })
    const send = (contentType: string, payload: Buffer | string) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: session.cookie, 'content-type': contentType },
        payload,
        remoteAddress: nextIp(),
      })
    expect((await send(body.contentType, body.payload.subarray(0, 200))).statusCode).toBe(400)
    expect((await send('multipart/form-data', 'garbage')).statusCode).toBe(400)
    const png = { field: 'idCopy', fileName: 'a.png', contentType: 'image/png', content: TINY_PNG }
    const threeFiles = await postIntake(app, session, agency.id, validFields(), {
      files: [png, { ...png, field: 'authorisation' }, { ...png, field: 'extra' }],
      remoteAddress: nextIp(),
    })
    expect(threeFiles.statusCode).toBe(413)
    const manyFields = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, 'x']))
    const tooMany = await postIntake(
      app,
      session,
      agency.id,
      { ...validFields(), ...manyFields },
      { remoteAddress: nextIp() },
    )
    expect(tooMany.statusCode).toBe(413)
    expect(await countCases(agency.id)).toBe(0)
  })

  it('limits submissions per IP (429 with a Chinese page); another IP is not affected', async () => {
    const agency = await buildAgency(t.db)
    const ip = nextIp()
    const session = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, ip)
    for (let i = 0; i < 10; i++) {
      const r = await postIntake(app, session, agency.id, { name: '' }, { remoteAddress: ip })
      expect(r.statusCode).toBe(422)
    }
    const limited = await postIntake(app, session, agency.id, validFields(), { remoteAddress: ip })
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
    expect(load(limited.body)('h1').text()).toBe('操作过于频繁')
    expect(limited.body).toContain('分钟后再试')
    expect(await countCases(agency.id)).toBe(0)
    const other = nextIp()
    const fresh = await openForm(app, `/zfxxgk/${agency.id}/ysqgk/`, other)
    expect(
      (await postIntake(app, fresh, agency.id, validFields(), { remoteAddress: other })).statusCode,
    ).toBe(200)
  })

  it('takes its limits from the configuration (GONGKAI_APPLY_SUBMITS_PER_HOUR, GONGKAI_TRACK_LOOKUPS_PER_HOUR)', async () => {
    const limited = await buildServer({
      db: t.db,
      config: {
        secureCookies: false,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        limits: { ...DEFAULT_LIMITS, applySubmitsPerHour: 2, trackLookupsPerHour: 1 },
      },
    })
    try {
      const agency = await buildAgency(t.db)
      const ip = nextIp()
      const session = await openForm(limited, `/zfxxgk/${agency.id}/ysqgk/`, ip)
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await postIntake(limited, session, agency.id, { name: '' }, { remoteAddress: ip })).statusCode,
        )
      }
      expect(statuses).toEqual([422, 422, 429])
      const track = await openForm(limited, '/ysqgk/track', ip)
      const lookups: number[] = []
      for (let i = 0; i < 2; i++) {
        const r = await postUrlencoded(
          limited,
          track,
          '/ysqgk/track',
          { trackingCode: 'ZZZZZZZZZZZZ', phone: '1' },
          ip,
        )
        lookups.push(r.statusCode)
      }
      expect(lookups).toEqual([404, 429])
    } finally {
      await limited.close()
    }
  })

  it('limits tracking lookups and letter downloads per IP together (429)', async () => {
    const ip = nextIp()
    const session = await openForm(app, '/ysqgk/track', ip)
    for (let i = 0; i < 29; i++) {
      const r = await postUrlencoded(
        app,
        session,
        '/ysqgk/track',
        { trackingCode: `ZZZZZZZZZZ${i % 10}Z`, phone: '13800138000' },
        ip,
      )
      expect(r.statusCode).toBe(404)
    }
    const download = await postUrlencoded(
      app,
      session,
      '/ysqgk/track/letter',
      { trackingCode: 'ZZZZZZZZZZZZ', phone: '1', letterId: '1' },
      ip,
    )
    expect(download.statusCode).toBe(404)
    const limited = await postUrlencoded(
      app,
      session,
      '/ysqgk/track',
      { trackingCode: 'ZZZZZZZZZZZZ', phone: '13800138000' },
      ip,
    )
    expect(limited.statusCode).toBe(429)
    expect(limited.body).toContain('操作过于频繁')
    const limitedDownload = await postUrlencoded(
      app,
      session,
      '/ysqgk/track/letter',
      { trackingCode: 'Z', phone: '1', letterId: '1' },
      ip,
    )
    expect(limitedDownload.statusCode).toBe(429)
  })

  it('echoes script input in the tracking form inert', async () => {
    const ip = nextIp()
    const session = await openForm(app, '/ysqgk/track', ip)
    for (const payload of [SCRIPT, '"><svg onload=alert(1)>', "'><img src=x onerror=alert(1)>"]) {
      const r = await postUrlencoded(
        app,
        session,
        '/ysqgk/track',
        { trackingCode: payload, phone: payload },
        ip,
      )
      expect(r.statusCode).toBeGreaterThanOrEqual(400)
      expect(r.statusCode).toBeLessThan(500)
      expect(load(r.body)('#f-trackingCode').val()).toBe(payload)
      expectInert(r.body, payload)
    }
  })
})
