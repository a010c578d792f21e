import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../model.ts'
import { checkReport } from './check-report.ts'
import type { Finding } from './finding.ts'
import { buildConsistentReport } from './test-reports.ts'

function findingsOf(report: AnnualReport, rule: string): Finding[] {
  return checkReport(report).filter((f) => f.rule === rule)
}

function set(report: AnnualReport, address: string, value: number): void {
  report.cells[address] = value
}

describe('consistent reports', () => {
  it('produce no finding at all for 100 random reports of each format', () => {
    for (const format of ['gov2019', 'gov2021'] as const) {
      for (let seed = 1; seed <= 100; seed++) {
        expect(checkReport(buildConsistentReport(format, seed)), `${format} seed ${seed}`).toEqual([])
      }
    }
  })
})

describe('T3-BAL (一+二 = 三（七）+四, per column)', () => {
  it('passes on a balanced report and names column, rows and difference when one column is off', () => {
    const report = buildConsistentReport('gov2021', 7)
    expect(findingsOf(report, 'T3-BAL')).toEqual([])
    const v = report.cells['t3.new_received.natural_person'] ?? 0
    set(report, 't3.new_received.natural_person', v + 1)
    set(report, 't3.new_received.total', (report.cells['t3.new_received.total'] ?? 0) + 1)
    const [finding, ...rest] = findingsOf(report, 'T3-BAL')
    expect(rest.map((f) => f.message)).toEqual([expect.stringMatching(/^表三 总计：.*差1$/)])
    const left =
      (report.cells['t3.new_received.natural_person'] ?? 0) +
      (report.cells['t3.carried_over.natural_person'] ?? 0)
    expect(finding).toMatchObject({ severity: 'error' })
    expect(finding?.message).toBe(`表三 自然人：一+二=${left}，三（七）+四=${left - 1}，差1`)
    expect(finding?.cells).toContain('t3.new_received.natural_person')
  })

  it('reads blank cells as 0', () => {
    const report = buildConsistentReport('gov2019', 3)
    set(report, 't3.carried_over.research_institution', 0)
    for (const row of ['new_received', 'carried_over', 'results_total', 'carried_forward', 'granted']) {
      delete report.cells[`t3.${row}.research_institution`]
      report.blank.push(`t3.${row}.research_institution`)
    }
    expect(findingsOf(report, 'T3-BAL')).toEqual([])
  })

  it('does not check a column whose cells were not printed (a cut text)', () => {
    const report = buildConsistentReport('gov2021', 5)
    delete report.cells['t3.carried_forward.natural_person']
    set(report, 't3.new_received.natural_person', 999)
    expect(
      findingsOf(report, 'T3-BAL')
        .map((f) => f.message)
        .join(),
    ).not.toContain('自然人')
  })
})

describe('T3-OUTCOME-SUM (三（七）总计 = （一）至（六）之和)', () => {
  it('fails in 2021 when an outcome row is changed, naming the rows by their printed ordinals', () => {
    const report = buildConsistentReport('gov2021', 11)
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2021')).toEqual([])
    set(
      report,
      't3.other_misc.commercial_enterprise',
      (report.cells['t3.other_misc.commercial_enterprise'] ?? 0) + 2,
    )
    const [finding] = findingsOf(report, 'T3-OUTCOME-SUM-2021')
    expect(finding?.message).toMatch(/^表三 商业企业：三（七）=\d+，三（一）至三（六）3之和=\d+，差2$/)
  })

  it('applies the 2019 single （六）其他处理 row to 2019 reports only', () => {
    const report = buildConsistentReport('gov2019', 12)
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2019')).toEqual([])
    set(
      report,
      't3.other_handling.natural_person',
      (report.cells['t3.other_handling.natural_person'] ?? 0) + 1,
    )
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2019')[0]?.message).toMatch(
      /^表三 自然人：三（七）=\d+，三（一）至三（六）之和=\d+，差1$/,
    )
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2021')).toEqual([])
  })
})

describe('T3-OUTCOME-SUM on hybrid tables (a 2021 表三 printing the 2019 single （六）其他处理 row)', () => {
  const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org']
  const ALL_COLUMNS = [...COLUMNS, 'legal_service_org', 'other_org', 'total']
  const ITEMS_2021 = ['other_no_correction', 'other_fee_unpaid', 'other_misc']

  /** A consistent 2021 report whose three （六） items are printed as the one 2019 row, with their sums. */
  function hybridReport(seed: number, itemsPrinted: 'absent' | 'blank'): AnnualReport {
    const report = buildConsistentReport('gov2021', seed)
    for (const column of ALL_COLUMNS) {
      let sum = 0
      for (const row of ITEMS_2021) {
        const address = `t3.${row}.${column}`
        sum += report.cells[address] ?? 0
        delete report.cells[address]
        if (itemsPrinted === 'blank') report.blank.push(address)
      }
      set(report, `t3.other_handling.${column}`, sum)
    }
    // Two more applications by natural persons handled as （六）, so the row is never all zeros.
    for (const row of ['new_received', 'other_handling', 'results_total']) {
      for (const column of ['natural_person', 'total']) {
        set(report, `t3.${row}.${column}`, (report.cells[`t3.${row}.${column}`] ?? 0) + 2)
      }
    }
    return report
  }

  it('counts the single row, so a hybrid table that adds up gives no error', () => {
    for (let seed = 21; seed <= 40; seed++) {
      const report = hybridReport(seed, 'absent')
      expect(
        checkReport(report).filter((f) => f.severity === 'error'),
        `seed ${seed}`,
      ).toEqual([])
    }
  })

  it('counts the single row also when the three 2021 items are printed blank', () => {
    const report = hybridReport(22, 'blank')
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2021')).toEqual([])
  })

  it('still finds an outcome sum that is off in a hybrid table, and names the single row', () => {
    const report = hybridReport(23, 'absent')
    const v = report.cells['t3.other_handling.natural_person'] ?? 0
    set(report, 't3.other_handling.natural_person', v + 1)
    const [finding, ...rest] = findingsOf(report, 'T3-OUTCOME-SUM-2021')
    expect(rest).toEqual([])
    expect(finding?.message).toMatch(/^表三 自然人：三（七）=\d+，三（一）至三（六）之和=\d+，差1$/)
    expect(finding?.cells).toContain('t3.other_handling.natural_person')
    expect(finding?.cells).not.toContain('t3.other_misc.natural_person')
  })

  it('does not check the outcome sum of a table cut before （六）', () => {
    const report = hybridReport(24, 'absent')
    for (const column of ALL_COLUMNS) delete report.cells[`t3.other_handling.${column}`]
    set(report, 't3.granted.natural_person', (report.cells['t3.granted.natural_person'] ?? 0) + 1)
    expect(findingsOf(report, 'T3-OUTCOME-SUM-2021')).toEqual([])
  })
})

describe('T3-ROW-TOTAL (总计 = 六类申请人之和, per row)', () => {
  it('fails when a row total is wrong and names the row', () => {
    const report = buildConsistentReport('gov2021', 13)
    expect(findingsOf(report, 'T3-ROW-TOTAL')).toEqual([])
    set(report, 't3.withheld_state_secret.total', (report.cells['t3.withheld_state_secret.total'] ?? 0) + 3)
    const messages = findingsOf(report, 'T3-ROW-TOTAL').map((f) => f.message)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^表三 三（三）1属于国家秘密：总计=\d+，自然人至其他之和=\d+，差3$/)
  })

  it('reports a blank 总计 with non-zero parts as a missing value (P-ZERO-BLANK), not an arithmetic error', () => {
    const report = buildConsistentReport('gov2021', 14)
    set(report, 't3.granted.natural_person', (report.cells['t3.granted.natural_person'] ?? 0) + 5)
    set(report, 't3.results_total.natural_person', (report.cells['t3.results_total.natural_person'] ?? 0) + 5)
    set(report, 't3.new_received.natural_person', (report.cells['t3.new_received.natural_person'] ?? 0) + 5)
    for (const row of ['granted', 'results_total', 'new_received']) {
      delete report.cells[`t3.${row}.total`]
      report.blank.push(`t3.${row}.total`)
    }
    const findings = checkReport(report)
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    const missing = findings.filter((f) => f.rule === 'P-ZERO-BLANK' && f.severity === 'warning')
    expect(missing.map((f) => f.cells[0]).sort()).toEqual([
      't3.granted.total',
      't3.new_received.total',
      't3.results_total.total',
    ])
    expect(missing.find((f) => f.cells[0] === 't3.granted.total')?.message).toMatch(
      /^表三 三（一）予以公开 总计空白，但分项之和为\d+：总计缺项$/,
    )
  })
})

describe('T3-INT, T4-INT, T2-INT (cell types)', () => {
  it('flags a negative or fractional count in 表三 and 表四', () => {
    const report = buildConsistentReport('gov2021', 15)
    expect(findingsOf(report, 'T3-INT')).toEqual([])
    expect(findingsOf(report, 'T4-INT')).toEqual([])
    set(report, 't3.granted.other_org', 1.5)
    set(report, 't4.count.review_pending', -1)
    expect(findingsOf(report, 'T3-INT').map((f) => f.message)).toEqual([
      '表三 三（一）予以公开 其他：1.5，应为非负整数',
    ])
    expect(findingsOf(report, 'T4-INT').map((f) => f.message)).toEqual([
      '表四 行政复议尚未审结：-1，应为非负整数',
    ])
  })

  it('accepts a decimal 收费金额 in 2021 but not a negative one', () => {
    const report = buildConsistentReport('gov2021', 16)
    set(report, 't2.art20_8.administrative_fees.fee_amount', 4068.208)
    expect(findingsOf(report, 'T2-INT-2021')).toEqual([])
    set(report, 't2.art20_8.administrative_fees.fee_amount', -2)
    expect(findingsOf(report, 'T2-INT-2021')[0]?.message).toBe(
      '表二 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）：-2，应为非负数',
    )
  })

  it('accepts a negative 本年增/减 in 2019 but not a fractional one', () => {
    const report = buildConsistentReport('gov2019', 17)
    set(report, 't2.art20_6.administrative_penalty.prev_year_item_count', 10)
    set(report, 't2.art20_6.administrative_penalty.change_this_year', -8)
    expect(findingsOf(report, 'T2-INT-2019')).toEqual([])
    set(report, 't2.art20_6.administrative_penalty.change_this_year', 0.5)
    expect(findingsOf(report, 'T2-INT-2019')).toHaveLength(1)
  })
})

describe('T4 group totals', () => {
  it.each([
    ['T4-REVIEW-TOTAL', 'review', '行政复议'],
    ['T4-LITIGATION-DIRECT-TOTAL', 'litigation_direct', '未经复议直接起诉'],
    ['T4-LITIGATION-AFTER-REVIEW-TOTAL', 'litigation_after_review', '复议后起诉'],
  ])('%s fails when the group total is off', (rule, group, label) => {
    const report = buildConsistentReport('gov2021', 18)
    expect(findingsOf(report, rule)).toEqual([])
    set(report, `t4.count.${group}_total`, (report.cells[`t4.count.${group}_total`] ?? 0) + 1)
    expect(findingsOf(report, rule)[0]?.message).toMatch(
      new RegExp(`^表四 ${label}：总计=\\d+，结果维持\\+结果纠正\\+其他结果\\+尚未审结=\\d+，差1$`),
    )
  })
})

describe('2019 表二 plausibility rules', () => {
  it('T2-2019-NEWPUB-LE-TOTAL flags more published this year than in total', () => {
    const report = buildConsistentReport('gov2019', 19)
    expect(findingsOf(report, 'T2-2019-NEWPUB-LE-TOTAL')).toEqual([])
    set(report, 't2.art20_1.normative_documents.new_published_this_year', 12)
    set(report, 't2.art20_1.normative_documents.total_published', 10)
    expect(findingsOf(report, 'T2-2019-NEWPUB-LE-TOTAL')[0]).toMatchObject({
      severity: 'warning',
      message: '表二 第二十条第（一）项 规范性文件：本年新公开数量=12，大于对外公开总数量=10',
    })
  })

  it('T2-2019-ITEMS-NONNEG flags a year-end item count below zero', () => {
    const report = buildConsistentReport('gov2019', 20)
    expect(findingsOf(report, 'T2-2019-ITEMS-NONNEG')).toEqual([])
    set(report, 't2.art20_5.administrative_licensing.prev_year_item_count', 3)
    set(report, 't2.art20_5.administrative_licensing.change_this_year', -5)
    expect(findingsOf(report, 'T2-2019-ITEMS-NONNEG')[0]?.message).toBe(
      '表二 第二十条第（五）项 行政许可：上一年项目数量+本年增/减=-2，小于0',
    )
  })
})
