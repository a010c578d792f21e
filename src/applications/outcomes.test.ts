// 表三 rows of each outcome (format-and-law.md §4.7), checked against the annual-report formats.
import { describe, expect, it } from 'vitest'
import { OUTCOME_MAPPINGS, outcomeRow, t3OutcomeRowKeys } from './outcomes.ts'
import type { CaseOutcome } from './outcomes.ts'

const outcomes = Object.keys(OUTCOME_MAPPINGS) as CaseOutcome[]

describe('outcomeRow', () => {
  it.each(outcomes)('%s maps to a real 表三 row in both formats', (outcome) => {
    expect(() => outcomeRow(outcome, 'gov2021')).not.toThrow()
    expect(() => outcomeRow(outcome, 'gov2019')).not.toThrow()
  })

  it('reaches every 2021 outcome row, so any result can be recorded', () => {
    const outcomeRows = t3OutcomeRowKeys('gov2021')
    // （一）1 + （二）1 + （三）8 + （四）3 + （五）5 + （六）3 = 21 rows (the "22 body rows" of the template include （七）总计).
    expect(outcomeRows).toHaveLength(21)
    const reached = new Set(outcomes.map((o) => outcomeRow(o, 'gov2021').key))
    expect(outcomeRows.filter((key) => !reached.has(key))).toEqual([])
  })

  it('counts a partial disclosure only as （二） (条例第三十七条)', () => {
    expect(outcomeRow('partially_disclosed', 'gov2021')).toMatchObject({
      key: 'partially_granted',
      label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      basis: '条例第三十七条',
    })
  })

  it('takes group labels from the format: a state secret is （三）不予公开 1', () => {
    expect(outcomeRow('withheld_state_secret', 'gov2021')).toMatchObject({
      label: '1.属于国家秘密',
      groupLabel: '（三）不予公开',
    })
  })

  it('puts abandonment for non-payment in （六）2 in 2021 and in the single （六） row in 2019', () => {
    expect(outcomeRow('abandoned_fee_unpaid', 'gov2021').key).toBe('other_fee_unpaid')
    expect(outcomeRow('abandoned_fee_unpaid', 'gov2019')).toMatchObject({
      key: 'other_handling',
      label: '（六）其他处理',
    })
    expect(outcomeRow('abandoned_no_correction', 'gov2021').key).toBe('other_no_correction')
  })

  it('counts "not this agency" (第三十六条第（五）项) with 本机关不掌握', () => {
    expect(outcomeRow('not_this_agency', 'gov2021')).toMatchObject({
      key: 'unable_not_held',
      groupLabel: '（四）无法提供',
    })
  })
})
