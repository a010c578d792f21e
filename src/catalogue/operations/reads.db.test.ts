import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency, buildCatalogueDesk, buildColumn } from '../../../test/factories.ts'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { countPublishedRows } from '../item.queries.ts'
import { ViewCounter } from '../view-counter.ts'
import { addAttachment } from './add-attachment.ts'
import { approveItem } from './approve-item.ts'
import { createDraft } from './create-draft.ts'
import { flushViews } from './flush-views.ts'
import { getItem, listDeadlineWatch, listItems } from './list-items.ts'
import {
  countItemsPerColumn,
  getPublishedItem,
  listLatestItems,
  listPublishedItems,
  listPublishedItemsBefore,
} from './public-reads.ts'
import { submitForReview } from './submit-for-review.ts'

async function publish(
  db: DB,
  desk: { column: { id: number }; publisher: Actor; reviewer: Actor },
  args: { title: string; at: string; topicCode?: string; columnId?: number },
) {
  const draft = await createDraft(db, desk.publisher, {
    columnId: args.columnId ?? desk.column.id,
    title: args.title,
    madeOn: args.at.slice(0, 10),
    ...(args.topicCode === undefined ? {} : { topicCode: args.topicCode }),
  })
  await submitForReview(db, desk.publisher, { id: draft.id })
  return approveItem(db, desk.reviewer, { id: draft.id }, new Date(args.at))
}

describeDb('catalogue reads', () => {
  const t = useTestDb()
  let uploads: string | undefined
  afterAll(async () => {
    if (uploads) await rm(uploads, { recursive: true, force: true })
  })

  it('lists a column newest first, by page, year and 主题分类, with keyset pages that agree', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const a = await publish(t.db, desk, {
      title: '二〇二五年一',
      at: '2025-03-03T02:00:00Z',
      topicCode: '02.01',
    })
    const b = await publish(t.db, desk, { title: '二〇二五年二', at: '2025-12-31T17:00:00Z' }) // 2026-01-01 in Beijing
    const c = await publish(t.db, desk, {
      title: '二〇二六年',
      at: '2026-02-02T02:00:00Z',
      topicCode: '02.01',
    })
    const draft = await createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: '草稿不公开' })

    const all = await listPublishedItems(t.db, { agencyId: desk.agency.id, columnId: desk.column.id })
    expect(all.items.map((i) => i.id)).toEqual([c.id, b.id, a.id])
    expect(all).toMatchObject({ total: 3, totalIsCapped: false, page: 1, pageCount: 1 })
    // The count stops one past its cap.
    const filters = { agencyId: desk.agency.id, columnId: desk.column.id }
    expect(await countPublishedRows(t.db, filters, 1)).toBe(2)
    expect(await countPublishedRows(t.db, filters, 5)).toBe(3)
    expect(all.items.map((i) => i.id)).not.toContain(draft.id)

    const page2 = await listPublishedItems(t.db, {
      agencyId: desk.agency.id,
      columnId: desk.column.id,
      page: 2,
      pageSize: 2,
    })
    expect(page2.items.map((i) => i.id)).toEqual([a.id])
    expect(page2.pageCount).toBe(2)
    const first = await listPublishedItemsBefore(t.db, {
      agencyId: desk.agency.id,
      columnId: desk.column.id,
      limit: 2,
    })
    const last = first.at(-1)
    const next = await listPublishedItemsBefore(t.db, {
      agencyId: desk.agency.id,
      columnId: desk.column.id,
      limit: 2,
      before: { publishedAt: last?.publishedAt ?? '', id: last?.id ?? 0 },
    })
    expect([...first, ...next].map((i) => i.id)).toEqual([c.id, b.id, a.id])

    const y2026 = await listPublishedItems(t.db, {
      agencyId: desk.agency.id,
      columnId: desk.column.id,
      year: 2026,
    })
    expect(y2026.items.map((i) => i.id)).toEqual([c.id, b.id])
    const topic = await listPublishedItems(t.db, {
      agencyId: desk.agency.id,
      columnId: desk.column.id,
      topicCode: '02.01',
      year: 2025,
    })
    expect(topic.items.map((i) => i.id)).toEqual([a.id])
    await expect(
      listPublishedItems(t.db, { agencyId: desk.agency.id, columnId: desk.column.id, page: 0 }),
    ).rejects.toBeInstanceOf(DomainError)
  })

  it('gives the latest items and counts per column of an agency, published only', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const second = await buildColumn(t.db, { agency: desk.agency })
    const x = await publish(t.db, desk, { title: '甲', at: '2026-01-05T02:00:00Z' })
    const y = await publish(t.db, desk, { title: '乙', at: '2026-01-06T02:00:00Z', columnId: second.id })
    await createDraft(t.db, desk.publisher, { columnId: second.id, title: '草稿' })
    expect((await listLatestItems(t.db, desk.agency.id, 5)).map((i) => i.id)).toEqual([y.id, x.id])
    expect(Object.fromEntries(await countItemsPerColumn(t.db, desk.agency.id))).toEqual({
      [desk.column.id]: 1,
      [second.id]: 1,
    })
    const byIndex = await getPublishedItem(t.db, desk.agency.id, { indexNumber: x.indexNumber ?? '' })
    expect(byIndex.item.title).toBe('甲')
    // Not through another agency's URL.
    const other = await buildAgency(t.db)
    await expect(getPublishedItem(t.db, other.id, { id: x.id })).rejects.toThrow('不存在')
  })

  it('writes batched view counts in one flush and keeps counts of a failed flush', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const item = await publish(t.db, desk, { title: '浏览', at: '2026-01-05T02:00:00Z' })
    const other = await publish(t.db, desk, { title: '浏览二', at: '2026-01-05T03:00:00Z' })
    const counter = new ViewCounter()
    for (let i = 0; i < 5; i++) counter.record(item.id)
    counter.record(other.id)
    expect(await flushViews(t.db, counter)).toBe(6)
    expect(await flushViews(t.db, counter)).toBe(0)
    counter.record(item.id)
    expect(await flushViews(t.db, counter)).toBe(1)
    const { item: read } = await getPublishedItem(t.db, desk.agency.id, { id: item.id })
    expect(read.viewCount).toBe(6)
    expect((await getPublishedItem(t.db, desk.agency.id, { id: other.id })).item.viewCount).toBe(1)

    counter.record(item.id)
    const closed = {
      ...t.db,
      transaction: () => {
        throw new Error('database down')
      },
    } as unknown as DB
    await expect(flushViews(closed, counter)).rejects.toThrow('database down')
    expect(counter.pending).toBe(1)
  })

  it('lists unpublished items due soon and late against 条例 第二十六条, scoped to the actor', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const other = await buildCatalogueDesk(t.db)
    const mk = async (d: typeof desk, madeOn: string) =>
      createDraft(t.db, d.publisher, { columnId: d.column.id, title: madeOn, madeOn })
    const late = await mk(desk, '2026-02-06') // due 2026-03-12
    const soon = await mk(desk, '2026-02-10') // due 2026-03-16
    await mk(desk, '2026-03-02') // due 2026-03-30: in time
    const unknown = await mk(desk, '2026-12-20')
    await mk(other, '2026-02-06')
    const watch = await listDeadlineWatch(t.db, desk.publisher, { today: '2026-03-13' })
    expect(watch.late.map((e) => e.item.id)).toEqual([late.id])
    expect(watch.late[0]?.standing).toEqual({ kind: 'late', dueOn: '2026-03-12', workingDaysLate: 1 })
    expect(watch.dueSoon.map((e) => e.item.id)).toEqual([soon.id])
    expect(watch.unknown.map((e) => e.item.id)).toEqual([unknown.id])
  })

  it('lists every agency for a 平台管理员, most recently changed first, a page at a time with the full count', async () => {
    const one = await buildCatalogueDesk(t.db)
    const two = await buildCatalogueDesk(t.db)
    const a1 = await createDraft(t.db, one.publisher, { columnId: one.column.id, title: '平台列表甲一' })
    const b1 = await createDraft(t.db, two.publisher, { columnId: two.column.id, title: '平台列表乙一' })
    const a2 = await createDraft(t.db, one.publisher, { columnId: one.column.id, title: '平台列表甲二' })
    const admin = await buildActor(t.db, await buildAgency(t.db), 'platform_admin')
    // Other tests of this file share the database: the word keeps to this test's items.
    const first = await listItems(t.db, admin, { pageSize: 2, text: '平台列表' })
    expect(first.total).toBe(3)
    expect(first.items.map((i) => i.id)).toEqual([a2.id, b1.id])
    const second = await listItems(t.db, admin, { pageSize: 2, page: 2, text: '平台列表' })
    expect(second.items.map((i) => i.id)).toEqual([a1.id])
    expect((await listItems(t.db, admin, { text: '平台列表乙' })).items.map((i) => i.id)).toEqual([b1.id])
  })

  it('scopes the console list: a 监督员 sees the subtree, a 发布员 only their agency', async () => {
    const parent = await buildAgency(t.db, { kind: 'government' })
    const desk = await buildCatalogueDesk(t.db, { parent })
    const sibling = await buildCatalogueDesk(t.db)
    const mine = await createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: '本机构' })
    await createDraft(t.db, sibling.publisher, { columnId: sibling.column.id, title: '他机构' })
    const supervisor = await buildActor(t.db, parent, 'supervisor')
    expect((await listItems(t.db, supervisor)).items.map((i) => i.id)).toEqual([mine.id])
    expect((await listItems(t.db, desk.publisher)).items.map((i) => i.id)).toEqual([mine.id])
    const seen = await getItem(t.db, supervisor, mine.id)
    expect(seen.abilities['catalogue.item.view']).toBe(true)
    expect(seen.abilities['catalogue.item.edit']).toBe(false)
    await expect(getItem(t.db, sibling.publisher, mine.id)).rejects.toThrow('不存在')
  })

  it('stores a checked attachment under the uploads directory and refuses a disguised one', async () => {
    uploads = await mkdtemp(path.join(tmpdir(), 'gongkai-uploads-'))
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: '有附件' })
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n')
    const attachment = await addAttachment(
      t.db,
      desk.publisher,
      { itemId: draft.id, fileName: 'C:\\公文\\附件1.pdf', bytes: pdf },
      { uploadsDir: uploads },
    )
    expect(attachment).toMatchObject({
      fileName: '附件1.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    })
    expect(await readFile(path.join(uploads, attachment.storageKey))).toEqual(pdf)
    await expect(
      addAttachment(
        t.db,
        desk.publisher,
        { itemId: draft.id, fileName: 'a.pdf', bytes: Buffer.from('MZ\x90\x00', 'latin1') },
        { uploadsDir: uploads },
      ),
    ).rejects.toThrow('不是允许的文件类型')
    await expect(
      addAttachment(
        t.db,
        desk.reviewer,
        { itemId: draft.id, fileName: 'a.pdf', bytes: pdf },
        { uploadsDir: uploads },
      ),
    ).rejects.toThrow('权限')
    expect((await getItem(t.db, desk.publisher, draft.id)).attachments).toHaveLength(1)
  })
})
