import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency, buildAgencyTree, buildApplication } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { listAppeals, recordAppeal, updateAppealOutcome } from '../index.ts'

describeDb('appeals', () => {
  const t = useTestDb()

  it('records a 行政复议 case of the officer’s own agency, audits it, and lists it for a 监督员 above', async () => {
    const { root, mid } = await buildAgencyTree(t.db)
    const officer = await buildActor(t.db, mid, 'case_officer')
    const supervisor = await buildActor(t.db, root, 'supervisor')
    const app = await buildApplication(t.db, mid)
    const appeal = await recordAppeal(t.db, officer, {
      agencyId: mid.id,
      kind: 'review',
      caseNumber: '示复〔2026〕1号',
      filedOn: '2026-03-01',
      applicationId: app.id,
      outcome: 'pending',
    })
    expect(appeal).toMatchObject({
      kind: 'review',
      outcome: 'pending',
      concludedOn: null,
      agencyRole: 'original',
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'appeal.record')
      .execute()
    expect(audit.map((a) => a.target_id)).toContain(String(appeal.id))
    const page = await listAppeals(t.db, supervisor, { agencyId: mid.id, year: 2026 })
    expect(page.items.map((a) => a.id)).toEqual([appeal.id])
    expect(page.abilities).toEqual({ 'appeal.view': true, 'appeal.record': false })
  })

  it('refuses a 监督员 writing, an officer of another agency, and a duplicate case number', async () => {
    const { root, mid, other } = await buildAgencyTree(t.db)
    const supervisor = await buildActor(t.db, root, 'supervisor')
    const stranger = await buildActor(t.db, other, 'case_officer')
    const input = {
      agencyId: mid.id,
      kind: 'litigation_direct',
      caseNumber: '(2026)示行初1号',
      filedOn: '2026-04-01',
      outcome: 'pending',
    } as const
    await expect(recordAppeal(t.db, supervisor, input)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(recordAppeal(t.db, stranger, input)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(listAppeals(t.db, stranger, { agencyId: mid.id })).rejects.toMatchObject({
      code: 'forbidden',
    })
    const admin = await buildActor(t.db, root, 'agency_admin')
    await recordAppeal(t.db, admin, input)
    await expect(recordAppeal(t.db, admin, input)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('rejects inconsistent input with field messages: outcome without date, date before filing, foreign application', async () => {
    const agency = await buildAgency(t.db)
    const officer = await buildActor(t.db, agency, 'case_officer')
    const elsewhere = await buildApplication(t.db, await buildAgency(t.db))
    const base = { agencyId: agency.id, kind: 'review', caseNumber: 'X1', filedOn: '2026-05-01' } as const
    const fieldsOf = async (p: Promise<unknown>) => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(DomainError)
      return (err as DomainError).fields
    }
    expect(await fieldsOf(recordAppeal(t.db, officer, { ...base, outcome: 'corrected' }))).toHaveProperty(
      'concludedOn',
    )
    expect(
      await fieldsOf(
        recordAppeal(t.db, officer, { ...base, outcome: 'maintained', concludedOn: '2026-04-30' }),
      ),
    ).toHaveProperty('concludedOn')
    expect(
      await fieldsOf(recordAppeal(t.db, officer, { ...base, outcome: 'pending', filedOn: '2026-02-30' })),
    ).toHaveProperty('filedOn')
    expect(
      await fieldsOf(
        recordAppeal(t.db, officer, { ...base, outcome: 'pending', applicationId: elsewhere.id }),
      ),
    ).toHaveProperty('applicationId')
  })

  it('records the outcome later, keeping before and after in the audit log', async () => {
    const agency = await buildAgency(t.db)
    const officer = await buildActor(t.db, agency, 'case_officer')
    const appeal = await recordAppeal(t.db, officer, {
      agencyId: agency.id,
      kind: 'litigation_after_review',
      caseNumber: '(2025)示行终9号',
      filedOn: '2025-11-20',
      outcome: 'pending',
    })
    const done = await updateAppealOutcome(t.db, officer, {
      appealId: appeal.id,
      outcome: 'corrected',
      concludedOn: '2026-02-10',
    })
    expect(done).toMatchObject({ outcome: 'corrected', concludedOn: '2026-02-10' })
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'appeal.update_outcome')
      .where('target_id', '=', String(appeal.id))
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ outcome: 'pending' })
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ outcome: 'corrected' })
    await expect(
      updateAppealOutcome(t.db, officer, { appealId: 999999, outcome: 'other', concludedOn: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
