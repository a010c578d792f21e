import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildApplication } from '../../../../test/factories.ts'
import { computeAnnualReport } from './compute-annual-report.ts'

describeDb('computeAnnualReport', () => {
  const t = useTestDb()

  it('counts receipts, carry-over, outcomes and carry-forward by date, balanced per column', async () => {
    const agency = await buildAgency(t.db)
    // Received 2024, answered 2025 → 上年结转 and a 2025 result.
    await buildApplication(t.db, agency, [
      { type: 'received', on: '2024-12-20', channel: 'in_person' },
      { type: 'answered', on: '2025-01-10', answerType: 'disclosed' },
    ])
    // Received and answered in 2025.
    await buildApplication(t.db, agency, [
      { type: 'received', on: '2025-03-03', channel: 'in_person' },
      { type: 'answered', on: '2025-03-20', answerType: 'partially_disclosed' },
    ])
    // Received 2025, still open → 结转下年度.
    await buildApplication(t.db, agency, [{ type: 'received', on: '2025-12-25', channel: 'in_person' }])
    // Received 2023, answered 2023: not in 2025 at all.
    await buildApplication(t.db, agency, [
      { type: 'received', on: '2023-05-04', channel: 'in_person' },
      { type: 'answered', on: '2023-05-20', answerType: 'not_held' },
    ])
    const computed = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
    const c = computed.report.cells
    expect(computed.report.format).toBe('gov2021')
    expect(c['t3.new_received.natural_person']).toBe(2)
    expect(c['t3.carried_over.natural_person']).toBe(1)
    expect(c['t3.granted.natural_person']).toBe(1)
    expect(c['t3.partially_granted.natural_person']).toBe(1)
    expect(c['t3.results_total.total']).toBe(2)
    expect(c['t3.carried_forward.total']).toBe(1)
    expect(computed.balance).toEqual({ holds: true, columns: [], breakers: [] })
    expect(computed.findings.filter((f) => f.severity === 'error')).toEqual([])
  })
})
