import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency, buildCatalogueDesk, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { listAuditLog, systemActor } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { searchDocuments } from '../../search/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { approveItem } from './approve-item.ts'
import { changeValidity } from './change-validity.ts'
import { createDraft } from './create-draft.ts'
import { publishDueScheduled } from './publish-due-scheduled.ts'
import { getPublishedItem, listPublishedItems } from './public-reads.ts'
import { returnForChanges } from './return-for-changes.ts'
import { submitForReview } from './submit-for-review.ts'
import { updateDraft } from './update-draft.ts'
import { withdrawItem } from './withdraw-item.ts'

async function auditActions(db: DB, itemId: number): Promise<string[]> {
  const { items } = await listAuditLog(db, systemActor('test'), { pageSize: 100 })
  return items
    .filter((e) => e.targetType === 'catalogue_item' && e.targetId === String(itemId))
    .map((e) => e.action)
    .reverse()
}

async function draftInReview(
  db: DB,
  desk: { column: { id: number }; publisher: Actor },
  title = '关于印发某某办法的通知',
) {
  const draft = await createDraft(db, desk.publisher, {
    columnId: desk.column.id,
    title,
    madeOn: '2026-03-02',
  })
  return submitForReview(db, desk.publisher, { id: draft.id })
}

async function expectDomainError(promise: Promise<unknown>, code: DomainError['code']): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DomainError)
  expect((err as DomainError).code).toBe(code)
}

describeDb('catalogue workflow', () => {
  const t = useTestDb()

  it('drafts, returns with a reason, fixes, approves and publishes with an index number, auditing every step', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, {
      columnId: desk.column.id,
      title: '关于印发某某管理办法的通知',
      docNumber: '某政发〔2026〕3号',
      topicCode: '02.01',
      madeOn: '2026-03-02',
      bodyHtml: '<p>第一条<script>alert(1)</script></p><p onclick="x()">第二条</p>',
      keywords: ['管理', '办法'],
    })
    expect(draft).toMatchObject({ status: 'draft', indexNumber: null, publisherName: desk.agency.name })
    expect(draft.bodyHtml).toBe('<p>第一条</p><p>第二条</p>')
    expect(draft.bodyText).toBe('第一条\n第二条')

    await submitForReview(t.db, desk.publisher, { id: draft.id })
    const returned = await returnForChanges(t.db, desk.reviewer, { id: draft.id, reason: '文号有误' })
    expect(returned).toMatchObject({ status: 'returned', returnReason: '文号有误' })

    await updateDraft(t.db, desk.publisher, { id: draft.id, docNumber: '某政发〔2026〕4号' })
    await submitForReview(t.db, desk.publisher, { id: draft.id })
    const published = await approveItem(
      t.db,
      desk.reviewer,
      { id: draft.id },
      new Date('2026-03-10T02:00:00Z'),
    )
    expect(published).toMatchObject({
      status: 'published',
      docNumber: '某政发〔2026〕4号',
      publishedOn: '2026-03-10',
      publishedAt: '2026-03-10T02:00:00.000Z',
      publishedOnTime: true,
      reviewedBy: desk.reviewer.userId,
    })
    expect(published.indexNumber).toMatch(new RegExp(`^${TEST_CREDIT_CODE}/2026-\\d{5}$`))

    expect(await auditActions(t.db, draft.id)).toEqual([
      'catalogue.item.create',
      'catalogue.item.submit',
      'catalogue.item.return',
      'catalogue.item.update',
      'catalogue.item.submit',
      'catalogue.item.publish',
    ])
    const page = await listPublishedItems(t.db, { agencyId: desk.agency.id, columnId: desk.column.id })
    expect(page.items.map((i) => i.id)).toEqual([draft.id])
    expect(page.total).toBe(1)
  })

  it('refuses invalid transitions and edits after submission with a conflict', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const item = await draftInReview(t.db, desk)
    await expectDomainError(submitForReview(t.db, desk.publisher, { id: item.id }), 'conflict')
    await expectDomainError(updateDraft(t.db, desk.publisher, { id: item.id, title: '改' }), 'conflict')
    await expectDomainError(withdrawItem(t.db, desk.reviewer, { id: item.id, reason: '错误' }), 'conflict')
  })

  it('requires 形成或变更日期 before review', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: '无日期' })
    await expectDomainError(submitForReview(t.db, desk.publisher, { id: draft.id }), 'invalid_input')
  })

  it("forbids another agency's publisher and reviewer, and a reviewer clearing their own draft", async () => {
    const desk = await buildCatalogueDesk(t.db)
    const other = await buildCatalogueDesk(t.db)
    await expectDomainError(
      createDraft(t.db, other.publisher, { columnId: desk.column.id, title: '越权' }),
      'forbidden',
    )
    const item = await draftInReview(t.db, desk)
    await expectDomainError(updateDraft(t.db, other.publisher, { id: item.id, title: '越权' }), 'forbidden')
    await expectDomainError(approveItem(t.db, other.reviewer, { id: item.id }), 'forbidden')
    await expectDomainError(approveItem(t.db, desk.publisher, { id: item.id }), 'forbidden')

    const both = await buildActor(t.db, desk.agency, 'publisher', 'reviewer')
    const own = await createDraft(t.db, both, {
      columnId: desk.column.id,
      title: '自审',
      madeOn: '2026-03-02',
    })
    await submitForReview(t.db, both, { id: own.id })
    await expectDomainError(approveItem(t.db, both, { id: own.id }), 'forbidden')
  })

  it('lets a supervisor of the parent agency read but not write', async () => {
    const parent = await buildAgency(t.db, { kind: 'government' })
    const desk = await buildCatalogueDesk(t.db, { parent })
    const supervisor = await buildActor(t.db, parent, 'supervisor')
    const item = await draftInReview(t.db, desk)
    await expectDomainError(approveItem(t.db, supervisor, { id: item.id }), 'forbidden')
    await expectDomainError(
      createDraft(t.db, supervisor, { columnId: desk.column.id, title: '监督员' }),
      'forbidden',
    )
  })

  it('withdraws with a reason, keeping the row, its index number and its public URL, leaving search', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const item = await draftInReview(t.db, desk, '关于撤稿测试的通知')
    const published = await approveItem(t.db, desk.reviewer, { id: item.id })
    const found = async () =>
      (await searchDocuments(t.db, { text: '撤稿测试', agencyIds: [desk.agency.id], limit: 10, offset: 0 }))
        .hits
    expect((await found()).map((h) => h.id)).toEqual([item.id])
    await expectDomainError(withdrawItem(t.db, desk.reviewer, { id: item.id, reason: '' }), 'invalid_input')
    const withdrawn = await withdrawItem(t.db, desk.reviewer, { id: item.id, reason: '内容已过时' })
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: '内容已过时',
      indexNumber: published.indexNumber,
    })
    const page = await getPublishedItem(t.db, desk.agency.id, { indexNumber: published.indexNumber ?? '' })
    expect(page.item).toMatchObject({ id: item.id, status: 'withdrawn' })
    const list = await listPublishedItems(t.db, { agencyId: desk.agency.id, columnId: desk.column.id })
    expect(list.total).toBe(0)
    expect(await auditActions(t.db, item.id)).toContain('catalogue.item.withdraw')
    expect(await found()).toEqual([])
  })

  it('gives two concurrent publications of one agency different, consecutive index numbers', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const a = await draftInReview(t.db, desk, '甲')
    const b = await draftInReview(t.db, desk, '乙')
    const [pa, pb] = await Promise.all([
      approveItem(t.db, desk.reviewer, { id: a.id }),
      approveItem(t.db, desk.reviewer, { id: b.id }),
    ])
    const serials = [pa.indexNumber, pb.indexNumber].map((n) => Number(n?.split('-').pop())).sort()
    expect(pa.indexNumber).not.toBe(pb.indexNumber)
    expect(serials[1]).toBe((serials[0] ?? 0) + 1)
  })

  it('publishes a scheduled item once when its time comes, even with two scheduler runs at once', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const item = await draftInReview(t.db, desk)
    const approvedAt = new Date('2026-03-05T01:00:00Z')
    const scheduled = await approveItem(
      t.db,
      desk.reviewer,
      { id: item.id, scheduledAt: '2026-03-06T09:00:00+08:00' },
      approvedAt,
    )
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: '2026-03-06T01:00:00.000Z' })
    expect((await publishDueScheduled(t.db, new Date('2026-03-06T00:59:59Z'))).published).toEqual([])

    const due = new Date('2026-03-06T01:00:00Z')
    const runs = await Promise.all([publishDueScheduled(t.db, due), publishDueScheduled(t.db, due)])
    const published = runs.flatMap((r) => r.published)
    expect(published.map((i) => i.id)).toEqual([item.id])
    expect(runs.flatMap((r) => r.failed)).toEqual([])
    expect(published[0]).toMatchObject({ status: 'published', publishedOn: '2026-03-06', scheduledAt: null })
    const actions = await auditActions(t.db, item.id)
    expect(actions.filter((a) => a === 'catalogue.item.publish')).toHaveLength(1)
    expect((await publishDueScheduled(t.db, due)).published).toEqual([])
  })

  it('reports a scheduled item whose agency lacks a code as failed and leaves it scheduled', async () => {
    const agency = await buildAgency(t.db)
    const desk = await buildCatalogueDesk(t.db)
    await t.db
      .updateTable('catalogue_columns')
      .set({ agency_id: agency.id })
      .where('id', '=', desk.column.id)
      .execute()
    const publisher = await buildActor(t.db, agency, 'publisher')
    const reviewer = await buildActor(t.db, agency, 'reviewer')
    const draft = await createDraft(t.db, publisher, {
      columnId: desk.column.id,
      title: '无代码',
      madeOn: '2026-03-02',
    })
    await submitForReview(t.db, publisher, { id: draft.id })
    await expectDomainError(approveItem(t.db, reviewer, { id: draft.id }), 'invalid_input')
    await approveItem(
      t.db,
      reviewer,
      { id: draft.id, scheduledAt: '2026-03-06T01:00:00Z' },
      new Date('2026-03-05T00:00:00Z'),
    )
    const run = await publishDueScheduled(t.db, new Date('2026-03-07T00:00:00Z'))
    expect(run.failed.map((f) => f.id)).toEqual([draft.id])
    expect(run.failed[0]?.message).toMatch(/统一社会信用代码/)
  })

  it('records publication after the 20th working day as late', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, {
      columnId: desk.column.id,
      title: '迟',
      madeOn: '2025-09-26',
    })
    await submitForReview(t.db, desk.publisher, { id: draft.id })
    // Due 2025-10-30 (国庆/中秋 and two 调休 days in between); 2025-10-31 09:00 in Beijing is late.
    const late = await approveItem(t.db, desk.reviewer, { id: draft.id }, new Date('2025-10-31T01:00:00Z'))
    expect(late.publishedOnTime).toBe(false)
  })

  it('changes validity to 废止 with a date, and refuses a repeal date before the effective date', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const item = await draftInReview(t.db, desk)
    await approveItem(t.db, desk.reviewer, { id: item.id })
    const repealed = await changeValidity(t.db, desk.publisher, {
      id: item.id,
      validity: 'repealed',
      effectiveOn: '2026-04-01',
      repealedOn: '2026-10-01',
    })
    expect(repealed).toMatchObject({
      validity: 'repealed',
      effectiveOn: '2026-04-01',
      repealedOn: '2026-10-01',
    })
    await expectDomainError(
      changeValidity(t.db, desk.publisher, { id: item.id, validity: 'repealed', repealedOn: '2026-03-01' }),
      'invalid_input',
    )
  })
})
