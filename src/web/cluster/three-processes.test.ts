// Three `gongkai serve` processes on one PostgreSQL schema: an item approved for a later time through process A
// is published exactly once when the scheduled-publication job comes due — one claimed run of the job, one
// publish audit entry — and every process then serves it (its pages made stale through LISTEN/NOTIFY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../accounts/index.ts'
import { buildAgency, buildUser, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { findItem } from '../../catalogue/item.queries.ts'
import { findJob, makeJobDue } from '../../jobs/index.ts'
import { isoNow } from '../../storage/index.ts'
import { buildColumn, buildItem } from '../portal/portal-test-data.ts'
import { SCHEDULED_PUBLISH_JOB } from '../portal/scheduled-publish.ts'
import { SESSION_COOKIE } from '../shared/session.ts'
import { apiClient, pgCluster, type ServeProcess } from './cluster-test-kit.ts'

const cluster = await pgCluster('three_proc')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.skipIf(cluster.unavailable !== null)('three processes on PostgreSQL', () => {
  let procs: ServeProcess[] = []
  beforeAll(async () => {
    await cluster.setUp()
    procs = await Promise.all([cluster.serve(), cluster.serve(), cluster.serve()])
  }, 120_000)
  afterAll(async () => {
    await cluster.tearDown()
  })

  it('a scheduled publication happens exactly once (one job run, one audit entry, one publish)', async () => {
    const db = cluster.db
    const [a] = procs
    if (a === undefined) throw new Error('no process')
    const agency = await buildAgency(db, { creditCode: TEST_CREDIT_CODE })
    const column = await buildColumn(db, agency, { slug: 'dsfb' })
    const item = await buildItem(db, column, { status: 'in_review', title: '定时发布只发布一次' })
    const { user: reviewer } = await buildUser(db, { agency, roles: ['reviewer'] })
    const { token } = await createSession(db, reviewer.id)
    // Every process has warmed the column page (cached without the item).
    for (const p of procs) {
      const body = await (await fetch(`http://127.0.0.1:${p.port}/zfxxgk/${agency.id}/dsfb/`)).text()
      expect(body).not.toContain('定时发布只发布一次')
    }

    const api = await apiClient(a.port, `${SESSION_COOKIE}=${token}`)
    const scheduledAt = new Date(Date.now() + 1_500).toISOString()
    const approved = await api('POST', `/items/${item.id}/approve`, { scheduledAt })
    expect(approved.status, await approved.clone().text()).toBe(200)
    expect((await findItem(db, item.id))?.status).toBe('scheduled')
    await sleep(2_000)

    // The job rows were created by the processes at start; make the next run due now (instead of waiting
    // for the minute to come round) and let all three processes poll for it.
    const before = await findJob(db, SCHEDULED_PUBLISH_JOB)
    expect(before).toBeDefined()
    await makeJobDue(db, SCHEDULED_PUBLISH_JOB, isoNow())
    const until = Date.now() + 10_000
    while ((await findItem(db, item.id))?.status !== 'published' && Date.now() < until) await sleep(50)
    expect((await findItem(db, item.id))?.status).toBe('published')
    // Three polls of every process later: still one run, one publication.
    await sleep(3_500)
    const after = await findJob(db, SCHEDULED_PUBLISH_JOB)
    expect((after?.runs ?? 0) - (before?.runs ?? 0)).toBe(1)
    const pids = procs.map((p) => String(p.child.pid))
    expect(pids).toContain(after?.last_runner?.split(':').pop())
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_type', '=', 'catalogue_item')
      .where('target_id', '=', String(item.id))
      .where('action', '=', 'catalogue.item.publish')
      .execute()
    expect(audits).toEqual([{ action: 'catalogue.item.publish', actor_user_id: reviewer.id }])

    // Every process serves it now, whichever one published it.
    for (const p of procs) {
      const body = await (await fetch(`http://127.0.0.1:${p.port}/zfxxgk/${agency.id}/dsfb/`)).text()
      expect(body, `process on port ${p.port}`).toContain('定时发布只发布一次')
    }
  }, 90_000)
})
