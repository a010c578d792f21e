// The 考核 overview's figures on a hand-checked world (kaohe-world.test-kit.ts), on SQLite and PostgreSQL, and
// who may see it.
import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor } from '../../../test/factories.ts'
import { buildKaoheWorld } from '../kaohe-world.test-kit.ts'
import type { KaoheWorld } from '../kaohe-world.test-kit.ts'
import { getKaoheOverview, sortKaohe } from '../index.ts'

describeDb('考核 overview', () => {
  const t = useTestDb()
  let w: KaoheWorld
  const world = async () => (w ??= await buildKaoheWorld(t.db))

  it('counts each subordinate agency for the year (office and other offices excluded)', async () => {
    const { office, jia, jiaSub, yi } = await world()
    const actor = await buildActor(t.db, office, 'supervisor')
    const o = await getKaoheOverview(t.db, actor, { agencyId: office.id, year: 2025 })
    expect(o.officeName).toBe('监督机关')
    expect(o.rows.map((r) => r.agencyId).sort((a, b) => a - b)).toEqual(
      [jia.id, jiaSub.id, yi.id].sort((a, b) => a - b),
    )
    const byName = new Map(o.rows.map((r) => [r.agencyName, r]))
    expect(byName.get('甲局')).toMatchObject({
      depth: 1,
      itemsPublished: 4,
      itemsOnTime: 2,
      itemsTimingKnown: 3,
      answered: 3,
      answeredOnTime: 2,
      overdueNow: 2,
      reviewConcluded: 2,
      reviewCorrected: 1,
      litigationConcluded: 1,
      litigationCorrected: 1,
      reportPublishedOn: '2026-01-31',
      reportDeadline: '2026-01-31',
      reportStatus: 'on_time',
    })
    expect(byName.get('乙局')).toMatchObject({
      // Its 2024 report, published on 2025-01-10 as a 年报 item, is its one item of 2025.
      itemsPublished: 1,
      itemsOnTime: 0,
      itemsTimingKnown: 0,
      answered: 1,
      answeredOnTime: 1,
      overdueNow: 1,
      reviewCorrected: 0,
      litigationConcluded: 1,
      litigationCorrected: 1,
      reportPublishedOn: '2026-02-01',
      reportStatus: 'late',
    })
    expect(byName.get('甲局下属所')).toMatchObject({
      depth: 2,
      itemsPublished: 0,
      answered: 0,
      overdueNow: 0,
      reportPublishedOn: null,
      reportDeadline: null,
      reportStatus: 'unpublished',
    })
  })

  it('takes another year on its own figures', async () => {
    const { office } = await world()
    const actor = await buildActor(t.db, office, 'agency_admin')
    const o = await getKaoheOverview(t.db, actor, { agencyId: office.id, year: 2024 })
    const jia = o.rows.find((r) => r.agencyName === '甲局')
    expect(jia).toMatchObject({ itemsPublished: 1, itemsOnTime: 1, answered: 1, litigationCorrected: 1 })
    expect(o.rows.find((r) => r.agencyName === '乙局')?.reportStatus).toBe('on_time')
  })

  it('sorts by any column, nulls last', async () => {
    const { office } = await world()
    const actor = await buildActor(t.db, office, 'supervisor')
    const o = await getKaoheOverview(t.db, actor, { agencyId: office.id, year: 2025 })
    expect(sortKaohe(o.rows, 'overdue', 'desc').map((r) => r.agencyName)).toEqual([
      '甲局',
      '乙局',
      '甲局下属所',
    ])
    expect(sortKaohe(o.rows, 'answeredOnTime', 'desc').map((r) => r.agencyName)).toEqual([
      '乙局',
      '甲局',
      '甲局下属所',
    ])
    expect(sortKaohe(o.rows, 'answeredOnTime', 'asc').map((r) => r.agencyName)).toEqual([
      '甲局',
      '乙局',
      '甲局下属所',
    ])
    expect(sortKaohe(o.rows, 'report', 'asc').map((r) => r.agencyName)).toEqual([
      '甲局下属所',
      '乙局',
      '甲局',
    ])
  })

  it('is for the office’s 监督员 and 机构管理员, those above, and the 平台管理员 only', async () => {
    const { office, jia, other } = await world()
    const input = { agencyId: office.id, year: 2025 }
    const otherSupervisor = await buildActor(t.db, other, 'supervisor')
    await expect(getKaoheOverview(t.db, otherSupervisor, input)).rejects.toMatchObject({ code: 'forbidden' })
    const publisher = await buildActor(t.db, office, 'publisher', 'case_officer', 'reviewer')
    await expect(getKaoheOverview(t.db, publisher, input)).rejects.toMatchObject({ code: 'forbidden' })
    const belowAdmin = await buildActor(t.db, jia, 'agency_admin', 'supervisor')
    await expect(getKaoheOverview(t.db, belowAdmin, input)).rejects.toMatchObject({ code: 'forbidden' })
    const own = await getKaoheOverview(t.db, belowAdmin, { agencyId: jia.id, year: 2025 })
    expect(own.rows.map((r) => r.agencyName)).toEqual(['甲局下属所'])
    const platform = await buildActor(t.db, other, 'platform_admin')
    expect((await getKaoheOverview(t.db, platform, input)).rows).toHaveLength(3)
    await expect(getKaoheOverview(t.db, platform, { agencyId: 999_999, year: 2025 })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(
      getKaoheOverview(t.db, platform, { agencyId: office.id, year: 'abc' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })
})
