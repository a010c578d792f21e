// Masking and the audited reveal, the public tracking lookup, append-only events, staff intake and the fee path.
import { expect, it } from 'vitest'
import { listAuditLog } from '../../accounts/index.ts'
import { buildActor, buildAgency, buildApplication } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import {
  getCase,
  markFeeDeadlineMissed,
  recordStaffApplication,
  revealApplicantDetails,
  sendFeeNotice,
  sendLetter,
  trackApplication,
} from '../index.ts'

const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) })

describeDb('applications: personal data, tracking, events', () => {
  const t = useTestDb()

  it('masks by default; the full view is for the case officer and administrators, and is audited', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const officer = await buildActor(db, agency, 'case_officer')
    const otherOfficer = await buildActor(db, agency, 'case_officer')
    const admin = await buildActor(db, agency, 'agency_admin')
    const supervisor = await buildActor(db, agency, 'supervisor')
    const { id } = await buildApplication(db, agency, undefined, { officerId: officer.userId })

    const detail = await getCase(db, officer, id, at('2026-03-03'))
    expect(detail.applicant.idNumber).toBe('110105********002X')
    expect(detail.applicant.phone).toBe('139****9000')
    expect(detail.canReveal).toBe(true)
    expect((await getCase(db, supervisor, id)).canReveal).toBe(false)

    const full = await revealApplicantDetails(db, officer, id)
    expect(full.idNumber).toBe('11010519491231002X')
    expect(full.phone).toBe('13900139000')
    await expect(revealApplicantDetails(db, otherOfficer, id)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(revealApplicantDetails(db, supervisor, id)).rejects.toMatchObject({ code: 'forbidden' })
    await revealApplicantDetails(db, admin, id)

    const log = await listAuditLog(db, admin, { action: 'application.reveal_applicant', pageSize: 50 })
    const reveals = log.items.filter((e) => e.targetId === String(id))
    expect(reveals.map((e) => e.actorUserId).sort()).toEqual([officer.userId, admin.userId].sort())
    expect(JSON.stringify(reveals)).not.toContain('11010519491231002X')
  })

  it('tracking: status, deadline and letters; the same error for a wrong code or a wrong phone', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const { trackingCode } = await buildApplication(db, agency, [
      { type: 'received', on: '2026-03-02', channel: 'in_person' },
    ])
    const tracked = await trackApplication(db, {
      trackingCode: trackingCode.toLowerCase(),
      phone: '139-0013-9000',
    })
    expect(tracked).toMatchObject({ status: 'in_progress', receivedOn: '2026-03-02', dueDate: '2026-03-30' })
    expect(JSON.stringify(tracked)).not.toMatch(/13900139000|李四|1101051949/)

    const attempts = [
      { trackingCode, phone: '13900139001' },
      { trackingCode: 'ZZZZZZZZZZZZ', phone: '13900139000' },
      { trackingCode: "' or 1=1 --", phone: '13900139000' },
    ]
    for (const attempt of attempts) {
      await expect(trackApplication(db, attempt)).rejects.toMatchObject({
        code: 'not_found',
        message: '查询码或联系电话不正确',
      })
    }
    await expect(trackApplication(db, { trackingCode: '', phone: '' })).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })

  it('the event log is append-only', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const { id } = await buildApplication(db, agency)
    await expect(
      db
        .updateTable('application_events')
        .set({ on_date: '2020-01-01' })
        .where('application_id', '=', id)
        .execute(),
    ).rejects.toThrow(/append-only/)
    await expect(
      db.deleteFrom('application_events').where('application_id', '=', id).execute(),
    ).rejects.toThrow(/append-only/)
  })

  it('staff intake by plain post waits for confirmation unless it is given; the clerk becomes the officer', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const clerk = await buildActor(db, agency, 'case_officer')
    const base = {
      agencyId: agency.id,
      applicantType: 'organisation' as const,
      orgSubtype: 'legal_services' as const,
      name: '示例律师事务所',
      idType: 'other' as const,
      idNumber: 'L-0001',
      contactName: '赵律师',
      phone: '01012345678',
      address: '北京市朝阳区示例大街3号',
      description: '某行政处罚决定书',
      formWanted: 'paper' as const,
      deliveryMethod: 'post' as const,
    }
    const waiting = await recordStaffApplication(
      db,
      clerk,
      { ...base, channel: 'post_plain', arrivedOn: '2026-03-02' },
      at('2026-03-02'),
    )
    expect(waiting.clock.status).toBe('awaiting_confirmation')
    const confirmed = await recordStaffApplication(
      db,
      clerk,
      { ...base, channel: 'post_plain', arrivedOn: '2026-03-02', confirmedOn: '2026-03-03' },
      at('2026-03-03'),
    )
    expect(confirmed.clock.receipt).toMatchObject({ status: 'known', date: '2026-03-03' })
    expect((await getCase(db, clerk, confirmed.applicationId)).officerId).toBe(clerk.userId)
    await expect(
      recordStaffApplication(
        db,
        clerk,
        { ...base, channel: 'in_person', arrivedOn: '2026-03-02', confirmedOn: '2026-03-03' },
        at('2026-03-03'),
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('fee notice quoted by fees.ts, a 收费通知书, then non-payment → abandoned (表三（六）2)', async () => {
    const { db } = t
    const agency = await buildAgency(db)
    const officer = await buildActor(db, agency, 'case_officer')
    const { id } = await buildApplication(db, agency, undefined, { officerId: officer.userId })
    const notice = await sendFeeNotice(
      db,
      officer,
      { applicationId: id, on: '2026-03-04', fee: { method: 'per_volume', pages: 150 } },
      at('2026-03-04'),
    )
    expect(notice.quote.amountYuan).toBe(1700)
    const letter = await sendLetter(
      db,
      officer,
      { applicationId: id, on: '2026-03-04', request: 'fee_notice' },
      at('2026-03-04'),
    )
    expect(letter.text).toContain('1700元')
    expect(letter.text).toContain('国办函〔2020〕109号')
    // Too early: the payment period (20 working days from the day after delivery) has not ended.
    await expect(
      markFeeDeadlineMissed(db, officer, { applicationId: id, on: '2026-03-20' }, at('2026-03-20')),
    ).rejects.toMatchObject({
      code: 'conflict',
    })
    const missed = await markFeeDeadlineMissed(
      db,
      officer,
      { applicationId: id, on: '2026-04-02' },
      at('2026-04-02'),
    )
    expect(missed.clock.status).toBe('abandoned')
    expect(missed.clock.conclusion?.outcome).toBe('abandoned_fee_unpaid')
  })
})
