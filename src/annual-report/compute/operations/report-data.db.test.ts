// 表二 and 表四 from their sources, hand-entered figures (typed and CSV), drill-down ids equal to every cell, the
// balance breakers, the policy, and the aggregation of a subtree.
import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import {
  buildActor,
  buildAgency,
  buildAgencyTree,
  buildApplication,
  buildColumn,
} from '../../../../test/factories.ts'
import type { Agency } from '../../../accounts/index.ts'
import { recordAppeal } from '../../../appeals/index.ts'
import type { DB } from '../../../storage/index.ts'
import { isoNow } from '../../../storage/index.ts'
import { formatCells, FORMATS } from '../../formats/index.ts'
import {
  aggregateReports,
  aggregateReportsFor,
  computeAnnualReport,
  computeReportFor,
  drillDownCell,
  importManualFiguresCsv,
  saveManualFigures,
} from '../index.ts'

async function buildItem(
  db: DB,
  agency: Agency,
  item: {
    type: 'rule' | 'normative_document' | 'ordinary'
    written: string
    validity?: string
    repealed?: string
    status?: string
  },
): Promise<number> {
  const column = await buildColumn(db, { agency })
  const now = isoNow()
  const row = await db
    .insertInto('catalogue_items')
    .values({
      agency_id: agency.id,
      column_id: column.id,
      status: item.status ?? 'published',
      index_number: null,
      title: '测试文件',
      topic_code: null,
      publisher_name: agency.name,
      written_on: item.written,
      published_on: item.written,
      doc_number: null,
      validity: item.validity ?? 'valid',
      effective_on: null,
      repealed_on: item.repealed ?? null,
      keywords: '',
      summary: '',
      body_html: '',
      body_text: '',
      item_type: item.type,
      made_on: null,
      published_on_time: null,
      view_count: 0,
      scheduled_at: null,
      published_at: `${item.written}T02:00:00.000Z`,
      submitted_at: null,
      return_reason: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      created_by: null,
      reviewed_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

describeDb('computed report data', () => {
  const t = useTestDb()

  it('counts 规章/行政规范性文件 issued, repealed and valid at year end; ordinary, withdrawn and lapsed items apart', async () => {
    const agency = await buildAgency(t.db)
    await buildItem(t.db, agency, { type: 'normative_document', written: '2025-02-01' })
    await buildItem(t.db, agency, {
      type: 'normative_document',
      written: '2020-02-01',
      validity: 'repealed',
      repealed: '2025-06-30',
    })
    await buildItem(t.db, agency, {
      type: 'normative_document',
      written: '2021-02-01',
      validity: 'repealed',
      repealed: '2026-03-01',
    })
    await buildItem(t.db, agency, {
      type: 'normative_document',
      written: '2022-02-01',
      validity: 'expired',
      repealed: '2025-12-31',
    })
    await buildItem(t.db, agency, { type: 'normative_document', written: '2025-05-01', status: 'withdrawn' })
    await buildItem(t.db, agency, { type: 'ordinary', written: '2025-05-01' })
    await buildItem(t.db, agency, { type: 'rule', written: '2024-05-01' })
    const { report } = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    expect(report.cells['t2.art20_1.normative_documents.issued_this_year']).toBe(1)
    expect(report.cells['t2.art20_1.normative_documents.repealed_this_year']).toBe(1)
    // valid at 2025-12-31: the 2025 one, and the one repealed only in 2026.
    expect(report.cells['t2.art20_1.normative_documents.currently_valid']).toBe(2)
    expect(report.cells['t2.art20_1.rules.currently_valid']).toBe(1)
    const withExpired = await computeAnnualReport(t.db, {
      agencyId: agency.id,
      year: 2025,
      conventions: { repealIncludesExpired: true },
    })
    expect(withExpired.report.cells['t2.art20_1.normative_documents.repealed_this_year']).toBe(2)
  })

  it('counts 表四 by kind and outcome at year end, with the co-defendant and filing-year conventions', async () => {
    const agency = await buildAgency(t.db)
    const officer = await buildActor(t.db, agency, 'case_officer')
    const base = { agencyId: agency.id } as const
    await recordAppeal(t.db, officer, {
      ...base,
      kind: 'review',
      caseNumber: 'R1',
      filedOn: '2025-03-01',
      outcome: 'maintained',
      concludedOn: '2025-05-01',
    })
    // Concluded after the year's end: 尚未审结 at it.
    await recordAppeal(t.db, officer, {
      ...base,
      kind: 'review',
      caseNumber: 'R2',
      filedOn: '2025-11-01',
      outcome: 'corrected',
      concludedOn: '2026-01-20',
    })
    // Filed 2024, concluded 2025: counted by default, not under `filed`.
    await recordAppeal(t.db, officer, {
      ...base,
      kind: 'litigation_direct',
      caseNumber: 'L1',
      filedOn: '2024-10-01',
      outcome: 'other',
      concludedOn: '2025-02-01',
    })
    // Only the review body as co-defendant: counted for the original agency (〔2016〕201号) by default.
    await recordAppeal(t.db, officer, {
      ...base,
      kind: 'litigation_after_review',
      caseNumber: 'L2',
      filedOn: '2025-04-01',
      outcome: 'pending',
      agencyRole: 'review_body_co_defendant',
    })
    const { report } = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    expect(report.cells['t4.count.review_maintained']).toBe(1)
    expect(report.cells['t4.count.review_pending']).toBe(1)
    expect(report.cells['t4.count.review_corrected']).toBe(0)
    expect(report.cells['t4.count.review_total']).toBe(2)
    expect(report.cells['t4.count.litigation_direct_other']).toBe(1)
    expect(report.cells['t4.count.litigation_after_review_total']).toBe(0)
    const filedOnly = await computeAnnualReport(t.db, {
      agencyId: agency.id,
      year: 2025,
      conventions: { t4Scope: 'filed', countCoDefendantAsReviewBody: true },
    })
    expect(filedOnly.report.cells['t4.count.litigation_direct_total']).toBe(0)
    expect(filedOnly.report.cells['t4.count.litigation_after_review_pending']).toBe(1)
  })

  it('takes hand-entered 表二 figures with their source, from the form and from a CSV, and reports the missing ones', async () => {
    const agency = await buildAgency(t.db)
    const admin = await buildActor(t.db, agency, 'agency_admin')
    const first = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    expect(first.missingManualCells).toHaveLength(4)
    expect(first.report.blank).toEqual(first.missingManualCells)
    await saveManualFigures(t.db, admin, {
      agencyId: agency.id,
      year: 2025,
      figures: [{ cell: '行政许可', value: '1,204', source: '省政务服务网统计' }],
    })
    const csv =
      '\uFEFF项目,数值,来源\r\n行政处罚,37,执法平台\r\n行政强制,0,执法平台\r\n"行政事业性收费","12.5","财政非税系统, 2026-01-05"\r\n'
    await importManualFiguresCsv(t.db, admin, { agencyId: agency.id, year: 2025, csv })
    const done = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    expect(done.missingManualCells).toEqual([])
    expect(done.report.cells['t2.art20_5.administrative_licensing.decisions_this_year']).toBe(1204)
    expect(done.report.cells['t2.art20_8.administrative_fees.fee_amount']).toBe(12.5)
    expect(done.manualFigures.find((f) => f.cell.includes('administrative_fees'))?.source).toBe(
      '财政非税系统, 2026-01-05',
    )
    // Bad lines: nothing is imported, every line is named.
    const bad = '项目,数值,来源\n行政处罚,-3,执法平台\n政府集中采购,1,x\n行政强制,5,\n'
    const err = await importManualFiguresCsv(t.db, admin, {
      agencyId: agency.id,
      year: 2025,
      csv: bad,
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'invalid_input' })
    expect(Object.keys((err as { fields: object }).fields)).toEqual(['line 2', 'line 3', 'line 4'])
    expect(
      (await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })).report.cells[
        't2.art20_6.administrative_penalty.decisions_this_year'
      ],
    ).toBe(37)
    // An empty value removes a figure.
    await saveManualFigures(t.db, admin, {
      agencyId: agency.id,
      year: 2025,
      figures: [{ cell: '行政强制', value: '' }],
    })
    expect((await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })).missingManualCells).toEqual(
      ['t2.art20_6.administrative_coercion.decisions_this_year'],
    )
    const officer = await buildActor(t.db, agency, 'case_officer')
    await expect(
      saveManualFigures(t.db, officer, {
        agencyId: agency.id,
        year: 2025,
        figures: [{ cell: '行政许可', value: '1', source: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('drills down every cell to as many records as the cell counts', async () => {
    const agency = await buildAgency(t.db)
    const officer = await buildActor(t.db, agency, 'case_officer')
    await buildApplication(t.db, agency, [
      { type: 'received', on: '2024-12-30', channel: 'in_person' },
      { type: 'answered', on: '2025-01-06', answerType: 'withheld_process_info' },
    ])
    await buildApplication(t.db, agency, [
      { type: 'received', on: '2025-06-02', channel: 'in_person' },
      {
        type: 'correction_requested',
        on: '2025-06-04',
        correctionPeriodWorkingDays: 10,
        items: ['明确所需信息'],
      },
      { type: 'correction_expired', on: '2025-06-30' },
    ])
    await buildApplication(t.db, agency, [{ type: 'received', on: '2025-12-29', channel: 'in_person' }])
    await buildItem(t.db, agency, { type: 'rule', written: '2025-03-01' })
    await recordAppeal(t.db, officer, {
      agencyId: agency.id,
      kind: 'review',
      caseNumber: 'D1',
      filedOn: '2025-03-01',
      outcome: 'pending',
    })
    const { report } = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    let nonZero = 0
    for (const def of formatCells(FORMATS.gov2021)) {
      const records = await drillDownCell(t.db, officer, {
        agencyId: agency.id,
        year: 2025,
        cell: def.address,
      })
      if (records.kind === 'manual') {
        expect(records.value).toBeNull()
        continue
      }
      expect([def.address, records.ids.length]).toEqual([def.address, report.cells[def.address]])
      if (records.ids.length > 0) nonZero++
    }
    expect(nonZero).toBeGreaterThan(10)
    await expect(
      drillDownCell(t.db, officer, { agencyId: agency.id, year: 2025, cell: 't3.nope.total' }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    const stranger = await buildActor(t.db, await buildAgency(t.db), 'case_officer')
    await expect(
      drillDownCell(t.db, stranger, { agencyId: agency.id, year: 2025, cell: 't3.new_received.total' }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await expect(computeReportFor(t.db, stranger, { agencyId: agency.id, year: 2025 })).rejects.toMatchObject(
      { code: 'forbidden' },
    )
    await expect(computeAnnualReport(t.db, { agencyId: agency.id, year: 2018 })).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })

  it('names the cases that break the balance when a case was concluded before it was received', async () => {
    const agency = await buildAgency(t.db)
    const { id } = await buildApplication(t.db, agency, [
      { type: 'received', on: '2025-03-01', channel: 'in_person' },
      { type: 'answered', on: '2025-03-10', answerType: 'disclosed' },
    ])
    // Only a damaged database can hold this; the derived columns are never written otherwise.
    await t.db.updateTable('applications').set({ received_on: '2026-02-01' }).where('id', '=', id).execute()
    const computed = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    expect(computed.balance.holds).toBe(false)
    expect(computed.balance.columns).toEqual(['natural_person', 'total'])
    expect(computed.balance.breakers).toEqual([
      { applicationId: id, receivedOn: '2026-02-01', concludedOn: '2025-03-10' },
    ])
    expect(computed.findings.some((f) => f.rule === 'T3-BAL' && f.severity === 'error')).toBe(true)
  })

  it('sums the subordinate agencies per table and lists those with errors or missing figures', async () => {
    const { root, mid, leaf } = await buildAgencyTree(t.db)
    const sibling = await buildAgency(t.db, { parent: root, name: '平级机构' })
    await buildApplication(t.db, root, [{ type: 'received', on: '2025-02-03', channel: 'in_person' }])
    for (const a of [mid, leaf, sibling]) {
      await buildApplication(t.db, a, [
        { type: 'received', on: '2025-02-03', channel: 'in_person' },
        { type: 'answered', on: '2025-02-20', answerType: 'disclosed' },
      ])
    }
    const admin = await buildActor(t.db, root, 'agency_admin')
    await saveManualFigures(t.db, admin, {
      agencyId: leaf.id,
      year: 2025,
      figures: ['行政许可', '行政处罚', '行政强制']
        .map((cell) => ({ cell, value: '2', source: '统计' }))
        .concat([{ cell: '行政事业性收费', value: '0.1', source: '统计' }]),
    })
    await saveManualFigures(t.db, admin, {
      agencyId: mid.id,
      year: 2025,
      figures: [{ cell: '行政事业性收费', value: '0.2', source: '统计' }],
    })
    const agg = await aggregateReports(t.db, { supervisingAgencyId: root.id, year: 2025 })
    expect(agg.agencyCount).toBe(3)
    expect(agg.report.cells['t3.new_received.total']).toBe(3)
    expect(agg.report.cells['t3.granted.natural_person']).toBe(3)
    expect(agg.report.cells['t2.art20_8.administrative_fees.fee_amount']).toBe(0.3)
    expect(agg.report.cells['t2.art20_5.administrative_licensing.decisions_this_year']).toBe(2)
    expect(agg.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(agg.incomplete.map((s) => s.agencyId).sort()).toEqual([mid.id, sibling.id].sort())
    // A damaged case in one agency: it is listed with its T3-BAL error, the others are not.
    const broken = await buildApplication(t.db, sibling, [
      { type: 'received', on: '2025-05-06', channel: 'in_person' },
      { type: 'answered', on: '2025-05-20', answerType: 'disclosed' },
    ])
    await t.db.updateTable('applications').set({ received_on: null }).where('id', '=', broken.id).execute()
    const withBroken = await aggregateReports(t.db, { supervisingAgencyId: root.id, year: 2025 })
    expect(withBroken.withErrors.map((s) => [s.agencyId, [...new Set(s.errors.map((f) => f.rule))]])).toEqual(
      [[sibling.id, ['T3-BAL']]],
    )
    const supervisor = await buildActor(t.db, root, 'supervisor')
    expect(
      (await aggregateReportsFor(t.db, supervisor, { supervisingAgencyId: mid.id, year: 2025 })).agencyCount,
    ).toBe(1)
    const below = await buildActor(t.db, leaf, 'supervisor')
    await expect(
      aggregateReportsFor(t.db, below, { supervisingAgencyId: root.id, year: 2025 }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })
})
