// Full flows through the operations on both engines: online → 确认 → 补正 → correction → extension → answer
// 部分公开 with its letter; derived columns equal deriveCaseClock after every step; audit on every step.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { listAuditLog } from '../../accounts/index.ts'
import { nationalCalendar } from '../../calendar/index.ts'
import { applicationInput, buildActor, buildAgency, buildAgencyTree } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import type { DB } from '../../storage/index.ts'
import {
  approveExtension,
  answerApplication,
  confirmReceipt,
  deriveCaseClock,
  getCase,
  getLetterFile,
  listWorkQueue,
  recordCorrection,
  requestCorrection,
  sendLetter,
  submitOnlineApplication,
  trackApplication,
} from '../index.ts'
import { listCaseEvents } from '../application.queries.ts'
import { derivedColumns } from '../derived-columns.ts'

const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) })

async function expectDerivedMatch(db: DB, id: number): Promise<void> {
  const events = (await listCaseEvents(db, id)).map((s) => s.event)
  const expected = derivedColumns(
    deriveCaseClock(events, nationalCalendar(), { explain: false }),
    events.length,
  )
  const row = await db
    .selectFrom('applications')
    .select(['status', 'answer_state', 'received_on', 'due_date', 'concluded_on', 'outcome', 'event_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row).toEqual(expected)
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'))
  const file = join(dir, 'letter.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '')
}

describeDb('applications: case flow', () => {
  const t = useTestDb()

  it('online → confirm → 补正 → correction → extension → 部分公开 with a frozen 答复书', async () => {
    const { db } = t
    const agency = await buildAgency(db, { name: '示例区交通运输局' })
    const officer = await buildActor(db, agency, 'case_officer')
    const admin = await buildActor(db, agency, 'agency_admin')

    const submitted = await submitOnlineApplication(db, applicationInput(agency.id), [], at('2026-03-02'))
    expect(submitted.status).toBe('awaiting_confirmation')
    const queue = await listWorkQueue(db, officer, { view: 'awaiting_confirmation' }, at('2026-03-02'))
    const id = queue.items.find((i) => i.tracking_code === submitted.trackingCode)?.id ?? 0
    expect(id).toBeGreaterThan(0)
    await expectDerivedMatch(db, id)

    const confirmed = await confirmReceipt(
      db,
      officer,
      { applicationId: id, on: '2026-03-03' },
      at('2026-03-03'),
    )
    expect(confirmed.clock.status).toBe('in_progress')
    // 20 working days after 2026-03-03 (first day not counted): 2026-03-31.
    expect(confirmed.clock.answer.due).toEqual({ status: 'due', date: '2026-03-31' })
    await expectDerivedMatch(db, id)

    await requestCorrection(
      db,
      officer,
      {
        applicationId: id,
        on: '2026-03-05',
        items: ['请明确所需信息的年份', '请补充项目名称'],
        periodWorkingDays: 10,
      },
      at('2026-03-05'),
    )
    await expectDerivedMatch(db, id)
    const correctionLetter = await sendLetter(
      db,
      officer,
      { applicationId: id, on: '2026-03-05', request: 'correction_notice' },
      at('2026-03-05'),
    )
    expect(correctionLetter.text).toContain('1. 请明确所需信息的年份')
    expect(correctionLetter.text).toContain('第三十条')

    // The applicant sees the 补正 on the tracking page.
    const tracked = await trackApplication(db, {
      trackingCode: submitted.trackingCode,
      phone: '138 0013 8000',
    })
    expect(tracked.status).toBe('awaiting_correction')
    expect(tracked.letters.map((l) => l.number)).toEqual([correctionLetter.number])

    const corrected = await recordCorrection(
      db,
      officer,
      { applicationId: id, on: '2026-03-10' },
      at('2026-03-10'),
    )
    // The period restarts from 2026-03-10 (条例第三十条): 20 working days, 清明 (Mon 2026-04-06) skipped → 04-08.
    expect(corrected.clock.answer.startedOn).toBe('2026-03-10')
    expect(corrected.clock.answer.due).toEqual({ status: 'due', date: '2026-04-08' })
    await expectDerivedMatch(db, id)

    const extended = await approveExtension(
      db,
      officer,
      { applicationId: id, on: '2026-03-30', approver: '王主任', workingDays: 15, reason: '需要调取档案' },
      at('2026-03-30'),
    )
    expect(extended.clock.extension?.approver).toBe('王主任')
    expect(extended.clock.answer.limitWorkingDays).toBe(35)
    // 条例第三十三条第二款: extended by 15 working days → 2026-04-29.
    expect(extended.clock.answer.due).toEqual({ status: 'due', date: '2026-04-29' })
    await expectDerivedMatch(db, id)

    const answered = await answerApplication(
      db,
      officer,
      { applicationId: id, on: '2026-04-20', answerType: 'partially_disclosed' },
      at('2026-04-20'),
    )
    expect(answered.clock.status).toBe('answered')
    expect(answered.clock.conclusion?.outcome).toBe('partially_disclosed')
    await expectDerivedMatch(db, id)

    const letter = await sendLetter(
      db,
      officer,
      {
        applicationId: id,
        on: '2026-04-20',
        request: 'answer',
        reasons: '涉及第三方个人信息的部分不予公开。',
      },
      at('2026-04-20'),
    )
    expect(letter.number).toBe(`${agency.name}依公开〔2026〕第2号`)
    const pdf = await getLetterFile(db, officer, letter.id, 'pdf')
    const text = pdfText(pdf.bytes)
    expect(text).toContain(`依公开〔2026〕第2号`)
    expect(text).toContain('第三十七条')
    expect(text).toContain('行政复议')
    expect(text).toContain('第二十三条第一款第（四）项') // 部分公开 withholds a part: 行政复议 first
    const docx = await getLetterFile(db, officer, letter.id, 'docx')
    const { value } = await mammoth.extractRawText({ buffer: docx.bytes })
    expect(value).toContain(letter.number)
    expect(value).toContain('《中华人民共和国政府信息公开条例》第三十七条')
    expect(value).toContain('60日内')

    // Frozen: the stored bytes are returned as sent, and the letters table rejects changes.
    expect((await getLetterFile(db, officer, letter.id, 'pdf')).bytes.equals(pdf.bytes)).toBe(true)
    await expect(
      db.updateTable('application_letters').set({ number: 'x' }).where('id', '=', letter.id).execute(),
    ).rejects.toThrow(/append-only/)

    const detail = await getCase(db, officer, id, at('2026-04-20'))
    expect(detail.history.map((h) => h.event.type)).toEqual([
      'received',
      'confirmed',
      'correction_requested',
      'correction_received',
      'extension_approved',
      'answered',
    ])
    expect(detail.clock.notes.join('\n')).toContain('条例第三十条')

    const log = await listAuditLog(db, admin, { pageSize: 100 })
    const actions = log.items.map((e) => e.action)
    for (const action of [
      'application.submit_online',
      'application.confirm_receipt',
      'application.request_correction',
      'application.record_correction',
      'application.approve_extension',
      'application.answer',
      'application.send_letter',
    ]) {
      expect(actions).toContain(action)
    }
  })

  it('refuses an event the statute does not allow, and stores nothing', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const officer = await buildActor(db, agency, 'case_officer')
    const s = await submitOnlineApplication(db, applicationInput(agency.id), [], at('2026-03-02'))
    const id =
      (await listWorkQueue(db, officer, { view: 'awaiting_confirmation' }, at('2026-03-02'))).items[0]?.id ??
      0
    // Before confirmation nothing can be recorded (条例第三十一条).
    await expect(
      requestCorrection(
        db,
        officer,
        { applicationId: id, on: '2026-03-03', items: ['x'], periodWorkingDays: 5 },
        at('2026-03-03'),
      ),
    ).rejects.toMatchObject({ code: 'conflict' })
    // A future date is refused.
    await expect(
      confirmReceipt(db, officer, { applicationId: id, on: '2026-03-09' }, at('2026-03-03')),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect((await listCaseEvents(db, id)).length).toBe(1)
    expect(s.trackingCode).toMatch(/^[0-9A-Z]{12}$/)
  })

  it('a double submit with the same form key creates one case', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const input = applicationInput(agency.id, { idempotencyKey: 'form-key-123456' })
    const [a, b] = await Promise.all([
      submitOnlineApplication(db, input, [], at('2026-03-02')),
      submitOnlineApplication(db, input, [], at('2026-03-02')),
    ])
    expect(a.trackingCode).toBe(b.trackingCode)
    const again = await submitOnlineApplication(db, input, [], at('2026-03-02'))
    expect(again).toMatchObject({ trackingCode: a.trackingCode, repeated: true })
    const n = await db
      .selectFrom('applications')
      .select(sql<number>`count(*)`.as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(1)
  })

  it("another agency's officer cannot open or change the case; a supervisor sees the subtree", async () => {
    const { db } = t
    const { root, mid, other } = await buildAgencyTree(db)
    const officer = await buildActor(db, mid, 'case_officer')
    const stranger = await buildActor(db, other, 'case_officer')
    const supervisor = await buildActor(db, root, 'supervisor')
    const s = await submitOnlineApplication(db, applicationInput(mid.id), [], at('2026-03-02'))
    const id =
      (
        await listWorkQueue(
          db,
          officer,
          { view: 'awaiting_confirmation', search: s.trackingCode },
          at('2026-03-02'),
        )
      ).items[0]?.id ?? 0
    expect(id).toBeGreaterThan(0)
    await expect(getCase(db, stranger, id)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      confirmReceipt(db, stranger, { applicationId: id, on: '2026-03-02' }, at('2026-03-02')),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(
      (await listWorkQueue(db, stranger, { view: 'open' }, at('2026-03-02'))).items.map((i) => i.id),
    ).not.toContain(id)
    expect(
      (await listWorkQueue(db, supervisor, { view: 'open' }, at('2026-03-02'))).items.map((i) => i.id),
    ).toContain(id)
    await expect(
      confirmReceipt(db, supervisor, { applicationId: id, on: '2026-03-02' }, at('2026-03-02')),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('rejects bad intake input with field messages and stores nothing', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const bad: unknown[] = [
      { ...applicationInput(agency.id), name: '' },
      { ...applicationInput(agency.id), name: 'x'.repeat(101) },
      { ...applicationInput(agency.id), idNumber: '110105194912310021' },
      { ...applicationInput(agency.id), phone: '<script>alert(1)</script>' },
      { ...applicationInput(agency.id), description: 42 },
      { ...applicationInput(agency.id), description: 'a\u0000b' },
      {
        ...applicationInput(agency.id),
        applicantType: 'organisation',
        idType: 'credit_code',
        idNumber: '91350100M000100Y43',
      },
      { ...applicationInput(agency.id), deliveryMethod: 'post', address: '' },
      { ...applicationInput(agency.id), agencyId: 'abc' },
    ]
    for (const input of bad) {
      await expect(
        submitOnlineApplication(
          db,
          input as Parameters<typeof submitOnlineApplication>[1],
          [],
          at('2026-03-02'),
        ),
      ).rejects.toMatchObject({ code: 'invalid_input' })
    }
    const n = await db
      .selectFrom('applications')
      .select(sql<number>`count(*)`.as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(0)
  })
})
