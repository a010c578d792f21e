// Property: for random case histories (receipt and conclusion across year boundaries, every outcome, every
// applicant type, 补正 and extensions, fees), the computed 表三 of every year satisfies every table rule and
// the cross-year rule: 上年结转 of Y+1 equals 结转下年度 of Y. Bounded runs, each in a fresh agency.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildApplication } from '../../../../test/factories.ts'
import { OUTCOME_MAPPINGS } from '../../../applications/index.ts'
import type { AnswerType, ClockEvent } from '../../../applications/index.ts'
import { checkReport, CROSS_YEAR_RULES, TABLE_RULES } from '../../rules/index.ts'
import { computeAnnualReport } from './compute-annual-report.ts'
import type { ComputedReport } from './compute-annual-report.ts'

const ANSWERS = Object.keys(OUTCOME_MAPPINGS).filter((o) => !o.startsWith('abandoned_')) as AnswerType[]
const APPLICANTS = [
  ['natural_person', null],
  ['organisation', 'commercial'],
  ['organisation', 'research'],
  ['organisation', 'public_interest'],
  ['organisation', 'legal_services'],
  ['organisation', 'other'],
] as const
const YEARS = [2024, 2025, 2026] as const
const COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
  'total',
]
const RULE_IDS = new Set([...TABLE_RULES, ...CROSS_YEAR_RULES].map((r) => r.id))

function day(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
}

const caseArb = fc.record({
  receivedOffset: fc.integer({ min: 0, max: 3 * 365 + 30 }),
  channel: fc.constantFrom('in_person', 'post_signed', 'online'),
  applicant: fc.integer({ min: 0, max: APPLICANTS.length - 1 }),
  correction: fc.constantFrom('none', 'received', 'expired'),
  extension: fc.boolean(),
  fee: fc.constantFrom('none', 'paid', 'missed'),
  end: fc.oneof(fc.constant<'open'>('open'), fc.constantFrom(...ANSWERS)),
  gaps: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 6, maxLength: 6 }),
})

type CaseSpec = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

/** A plausible case log: receipt (confirmed for online), then optional 补正, extension and fee steps, then an end. */
function events(spec: CaseSpec): ClockEvent[] {
  let on = day('2023-12-01', spec.receivedOffset)
  let gap = 0
  const next = () => (on = day(on, spec.gaps[gap++] ?? 5))
  const log: ClockEvent[] = [{ type: 'received', on, channel: spec.channel }]
  if (spec.channel === 'online') log.push({ type: 'confirmed', on: next() })
  if (spec.correction !== 'none') {
    log.push({
      type: 'correction_requested',
      on: next(),
      correctionPeriodWorkingDays: 10,
      items: ['请明确所需信息'],
    })
    if (spec.correction === 'expired') return [...log, { type: 'correction_expired', on: next() }]
    log.push({ type: 'correction_received', on: next() })
  }
  if (spec.extension) {
    log.push({
      type: 'extension_approved',
      on: next(),
      approver: '主任',
      workingDays: 20,
      reason: '需要检索',
    })
  }
  if (spec.fee !== 'none') {
    log.push({ type: 'fee_notice_sent', on: next(), method: 'per_application', amountYuan: 100 })
    if (spec.fee === 'missed') return [...log, { type: 'fee_deadline_missed', on: next() }]
    log.push({ type: 'fee_paid', on: next() })
  }
  if (spec.end !== 'open') log.push({ type: 'answered', on: next(), answerType: spec.end })
  return log
}

describeDb('computeAnnualReport (property)', () => {
  const t = useTestDb()

  it(
    'every year’s 表三 passes the table rules, and 上年结转(Y+1) = 结转下年度(Y)',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 25 }), async (specs) => {
          const agency = await buildAgency(t.db)
          for (const spec of specs) {
            const { id } = await buildApplication(t.db, agency, events(spec))
            const [type, subtype] = APPLICANTS[spec.applicant] ?? APPLICANTS[0]
            await t.db
              .updateTable('application_applicants')
              .set({ applicant_type: type, org_subtype: subtype })
              .where('application_id', '=', id)
              .execute()
          }
          let previous: ComputedReport | undefined
          let received = 0
          for (const year of YEARS) {
            const computed = await computeAnnualReport(t.db, { agencyId: agency.id, year })
            const findings = checkReport(computed.report, {
              mode: 'generate',
              ...(previous ? { previous: previous.report } : {}),
            }).filter((f) => RULE_IDS.has(f.rule))
            expect(findings).toEqual([])
            expect(computed.balance.holds).toBe(true)
            if (previous) {
              for (const col of COLUMNS) {
                expect(computed.report.cells[`t3.carried_over.${col}`]).toBe(
                  previous.report.cells[`t3.carried_forward.${col}`],
                )
              }
            }
            received += computed.report.cells['t3.new_received.total'] ?? 0
            previous = computed
          }
          // Every case received in the three years is counted once as 新收 (receipts before 2024 start the window).
          const inWindow = await t.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('agency_id', '=', agency.id)
            .where('received_on', '>=', '2024-01-01')
            .where('received_on', '<=', '2026-12-31')
            .executeTakeFirstOrThrow()
          expect(received).toBe(Number(inWindow.n))
        }),
        { numRuns: 15, seed: 20261127 },
      )
    },
  )
})
