// Scheduled publication as the server runs it: the item appears on its (cached) column page, in search, and
// the audit names the user who scheduled it.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildCatalogueDesk } from '../../../test/factories.ts'
import { listAuditLog, systemActor } from '../../accounts/index.ts'
import { approveItem, createDraft, submitForReview } from '../../catalogue/index.ts'
import { searchDocuments } from '../../search/index.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { runScheduledPublish } from './scheduled-publish.ts'

describeDb('scheduled publication in the server', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('publishes a due item, makes the cached column page stale and audits it under the scheduling user', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, {
      columnId: desk.column.id,
      title: '定时发布测试通知',
      madeOn: '2026-03-02',
    })
    await submitForReview(t.db, desk.publisher, { id: draft.id })
    const approvedAt = new Date('2026-03-05T02:00:00Z')
    await approveItem(
      t.db,
      desk.reviewer,
      { id: draft.id, scheduledAt: '2026-03-06T09:00:00+08:00' },
      approvedAt,
    )

    const url = `/zfxxgk/${desk.agency.id}/${desk.column.slug}/`
    const before = await app.inject({ method: 'GET', url })
    expect(before.statusCode).toBe(200)
    expect(before.body).not.toContain('定时发布测试通知')
    expect((await runScheduledPublish(t.db, new Date('2026-03-06T00:59:00Z'))).published).toEqual([])

    const run = await runScheduledPublish(t.db, new Date('2026-03-06T01:00:30Z'))
    expect(run.published.map((i) => i.id)).toEqual([draft.id])
    const after = await app.inject({ method: 'GET', url })
    expect(after.body).toContain('定时发布测试通知')
    const found = await searchDocuments(t.db, {
      text: '定时发布测试',
      agencyIds: [desk.agency.id],
      limit: 10,
      offset: 0,
    })
    expect(found.hits.map((h) => h.id)).toEqual([draft.id])

    const { items } = await listAuditLog(t.db, systemActor('test'), { pageSize: 100 })
    const publish = items.find(
      (e) => e.action === 'catalogue.item.publish' && e.targetId === String(draft.id),
    )
    expect(publish?.actorUserId).toBe(desk.reviewer.userId)
    expect(publish?.actorUsername).toBe(desk.reviewer.username)
    expect(publish?.occurredAt).toBe('2026-03-06T01:00:30.000Z')
  })
})
