import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../model.ts'
import { checkReport } from './check-report.ts'
import type { CheckOptions } from './check-options.ts'
import { buildConsistentReport } from './test-reports.ts'

function findingsOf(report: AnnualReport, rule: string, options: CheckOptions) {
  return checkReport(report, options).filter((f) => f.rule === rule)
}

/** This year's report whose 二、上年结转 matches `previous`'s 四、结转 (as a real pair of years would). */
function followingYear(previous: AnnualReport, seed: number): AnnualReport {
  const report = buildConsistentReport(previous.format ?? 'gov2021', seed)
  report.year = (previous.year ?? 2021) + 1
  for (const c of [
    'natural_person',
    'commercial_enterprise',
    'research_institution',
    'public_interest_org',
    'legal_service_org',
    'other_org',
    'total',
  ]) {
    const diff =
      (previous.cells[`t3.carried_forward.${c}`] ?? 0) - (report.cells[`t3.carried_over.${c}`] ?? 0)
    // Keep this year balanced: the change in 二 goes to （一）予以公开 and the （七）总计.
    for (const row of ['carried_over', 'granted', 'results_total']) {
      report.cells[`t3.${row}.${c}`] = (report.cells[`t3.${row}.${c}`] ?? 0) + diff
    }
  }
  return report
}

describe('X-T3-CARRY (二、上年结转 = last year’s 四、结转下年度)', () => {
  it('passes for matching years and warns in audit mode, errs in generate mode, when they differ', () => {
    const previous = buildConsistentReport('gov2021', 30)
    const report = followingYear(previous, 31)
    expect(findingsOf(report, 'X-T3-CARRY', { previous })).toEqual([])
    report.cells['t3.carried_over.natural_person'] = (report.cells['t3.carried_over.natural_person'] ?? 0) + 2
    report.cells['t3.granted.natural_person'] = (report.cells['t3.granted.natural_person'] ?? 0) + 2
    report.cells['t3.results_total.natural_person'] =
      (report.cells['t3.results_total.natural_person'] ?? 0) + 2
    const audit = findingsOf(report, 'X-T3-CARRY', { previous })
    expect(audit[0]?.severity).toBe('warning')
    expect(audit[0]?.message).toMatch(/^表三 自然人（与上年报告比较）：二=\d+，上年四=\d+，差2$/)
    expect(audit[0]?.cells).toContain('prev:t3.carried_forward.natural_person')
    expect(findingsOf(report, 'X-T3-CARRY', { previous, mode: 'generate' })[0]?.severity).toBe('error')
  })

  it('compares a 2021-format report with a 2020 report in the 2019 format', () => {
    const previous = buildConsistentReport('gov2019', 32)
    const current = followingYear(previous, 33)
    current.format = 'gov2021'
    expect(findingsOf(current, 'X-T3-CARRY', { previous })).toEqual([])
    current.cells['t3.carried_over.total'] = (previous.cells['t3.carried_forward.total'] ?? 0) + 1
    expect(findingsOf(current, 'X-T3-CARRY', { previous }).map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^表三 总计（与上年报告比较）：二=\d+，上年四=\d+，差1$/),
    )
  })

  it('is not evaluated without a previous report', () => {
    const report = buildConsistentReport('gov2021', 35)
    report.cells['t3.carried_over.total'] = 999
    expect(findingsOf(report, 'X-T3-CARRY', {})).toEqual([])
  })
})

describe('表二 stock rules across years', () => {
  it('X-T2-2021-VALID-STOCK: 现行有效 = 上年现行有效 + 制发 − 废止', () => {
    const previous = buildConsistentReport('gov2021', 40)
    const report = buildConsistentReport('gov2021', 41)
    const row = 't2.art20_1.normative_documents'
    previous.cells[`${row}.currently_valid`] = 50
    Object.assign(report.cells, {
      [`${row}.issued_this_year`]: 6,
      [`${row}.repealed_this_year`]: 2,
      [`${row}.currently_valid`]: 54,
    })
    expect(findingsOf(report, 'X-T2-2021-VALID-STOCK', { previous })).toEqual([])
    report.cells[`${row}.currently_valid`] = 60
    expect(findingsOf(report, 'X-T2-2021-VALID-STOCK', { previous })[0]?.message).toBe(
      '表二 第二十条第（一）项 行政规范性文件（与上年报告比较）：现行有效件数+本年废止件数=62，上年现行有效件数+本年制发件数=56，差6',
    )
  })

  it('T2-2021-REPEAL-PLAUSIBLE: 废止 ≤ 上年现行有效 + 制发', () => {
    const previous = buildConsistentReport('gov2021', 42)
    const report = buildConsistentReport('gov2021', 43)
    const row = 't2.art20_1.normative_documents'
    previous.cells[`${row}.currently_valid`] = 3
    Object.assign(report.cells, {
      [`${row}.issued_this_year`]: 1,
      [`${row}.repealed_this_year`]: 4,
      [`${row}.currently_valid`]: 0,
    })
    expect(findingsOf(report, 'T2-2021-REPEAL-PLAUSIBLE', { previous })).toEqual([])
    report.cells[`${row}.repealed_this_year`] = 5
    expect(findingsOf(report, 'T2-2021-REPEAL-PLAUSIBLE', { previous })[0]?.message).toBe(
      '表二 第二十条第（一）项 行政规范性文件（与上年报告比较）：本年废止件数=5，大于上年现行有效件数+本年制发件数=4',
    )
  })

  it('X-T2-2019-ITEM-STOCK: 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减', () => {
    const previous = buildConsistentReport('gov2019', 44)
    const report = buildConsistentReport('gov2019', 45)
    const row = 't2.art20_6.administrative_penalty'
    Object.assign(previous.cells, { [`${row}.prev_year_item_count`]: 20, [`${row}.change_this_year`]: -4 })
    for (const r of [
      'art20_5.administrative_licensing',
      'art20_5.other_external_services',
      'art20_6.administrative_coercion',
      'art20_8.administrative_fees',
      'art20_6.administrative_penalty',
    ]) {
      report.cells[`t2.${r}.prev_year_item_count`] =
        (previous.cells[`t2.${r}.prev_year_item_count`] ?? 0) +
        (previous.cells[`t2.${r}.change_this_year`] ?? 0)
      report.cells[`t2.${r}.change_this_year`] = 0
    }
    expect(findingsOf(report, 'X-T2-2019-ITEM-STOCK', { previous })).toEqual([])
    report.cells[`${row}.prev_year_item_count`] = 20
    expect(findingsOf(report, 'X-T2-2019-ITEM-STOCK', { previous })[0]?.message).toBe(
      '表二 第二十条第（六）项 行政处罚（与上年报告比较）：上一年项目数量=20，上年上一年项目数量+上年本年增/减=16，差4',
    )
  })

  it('X-T2-2019-TOTAL-MONOTONE: 对外公开总数量 does not fall', () => {
    const previous = buildConsistentReport('gov2019', 46)
    const report = buildConsistentReport('gov2019', 47)
    const row = 't2.art20_1.normative_documents'
    previous.cells[`${row}.total_published`] = 30
    Object.assign(report.cells, { [`${row}.total_published`]: 30, [`${row}.new_published_this_year`]: 0 })
    expect(findingsOf(report, 'X-T2-2019-TOTAL-MONOTONE', { previous })).toEqual([])
    report.cells[`${row}.total_published`] = 25
    expect(findingsOf(report, 'X-T2-2019-TOTAL-MONOTONE', { previous })[0]?.message).toBe(
      '表二 第二十条第（一）项 规范性文件（与上年报告比较）：对外公开总数量=25，小于上年对外公开总数量=30',
    )
  })
})
