import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../check-report.ts'
import type { CheckOptions } from '../check-options.ts'
import { buildConsistentReport } from '../test-reports.ts'

const of = (report: AnnualReport, rule: string, options: CheckOptions = {}) =>
  checkReport(report, options).filter((f) => f.rule === rule)

/** Moves n applications of the 自然人 column from （一）予以公开 to another outcome row, keeping the sums. */
function moveGranted(report: AnnualReport, row: string, n: number): void {
  for (const c of ['natural_person', 'total']) {
    report.cells[`t3.granted.${c}`] = (report.cells[`t3.granted.${c}`] ?? 0) - n
    report.cells[`t3.${row}.${c}`] = (report.cells[`t3.${row}.${c}`] ?? 0) + n
  }
}

/** A 2021 report with at least 5 予以公开 in the 自然人 column. */
function grantedReport(): AnnualReport {
  for (let seed = 50; ; seed++) {
    const report = buildConsistentReport('gov2021', seed)
    if (
      (report.cells['t3.granted.natural_person'] ?? 0) >= 5 &&
      (report.cells['t3.other_fee_unpaid.total'] ?? 0) === 0
    ) {
      return report
    }
  }
}

describe('P-RULES-POWER', () => {
  it('accepts 规章 issued by a districted city government and flags them from a county department', () => {
    const report = buildConsistentReport('gov2021', 51)
    report.cells['t2.art20_1.rules.issued_this_year'] = 2
    report.agency = '淮安市人民政府'
    expect(of(report, 'P-RULES-POWER')).toEqual([])
    report.agency = '沭阳县发展和改革局'
    expect(of(report, 'P-RULES-POWER').map((f) => f.message)).toEqual([
      '表二 第二十条第（一）项 规章 本年制发件数=2，但沭阳县发展和改革局没有规章制定权',
    ])
  })

  it('reads the 2019 本年新制作数量 column for 2019-format reports', () => {
    const report = buildConsistentReport('gov2019', 52)
    report.agency = '示例县人民政府'
    report.cells['t2.art20_1.rules.new_made_this_year'] = 1
    expect(of(report, 'P-RULES-POWER')).toHaveLength(1)
  })
})

describe('P-FEE', () => {
  it('accepts a fee-unpaid count that section 六 reports', () => {
    const report = grantedReport()
    moveGranted(report, 'other_fee_unpaid', 2)
    report.sections.s6_other = '本年度发出收费通知2件，申请人均逾期未缴费。'
    expect(of(report, 'P-FEE')).toEqual([])
  })

  it('flags a fee-unpaid count when section 六 is silent or says no fee notices were issued', () => {
    const report = grantedReport()
    moveGranted(report, 'other_fee_unpaid', 2)
    report.sections.s6_other = '无其他需要报告的事项。'
    expect(of(report, 'P-FEE').map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^表三 三（六）2申请人逾期未按收费通知要求缴纳费用.* 总计=2，但第六部分未报告收费通知情况$/,
      ),
    ])
    report.sections.s6_other = '本机关未发出收费通知，未收取信息处理费。'
    expect(of(report, 'P-FEE')[0]?.message).toMatch(/第六部分称未发出收费通知或未收费$/)
  })

  it('flags fees in a year before the fee rules applied (first year is an option)', () => {
    const report = grantedReport()
    moveGranted(report, 'other_fee_unpaid', 1)
    report.sections.s6_other = '发出收费通知1件。'
    report.year = 2020
    expect(of(report, 'P-FEE')[0]?.message).toMatch(/信息处理费办法自2021年起施行，2020年度不应有收费$/)
    expect(of(report, 'P-FEE', { feeRulesFromYear: 2020 })).toEqual([])
  })
})

describe('P-UNITS', () => {
  it('accepts 4068.208 万元 and flags a fee amount that looks like yuan', () => {
    const report = buildConsistentReport('gov2021', 53)
    report.cells['t2.art20_8.administrative_fees.fee_amount'] = 4068.208
    expect(of(report, 'P-UNITS')).toEqual([])
    report.cells['t2.art20_8.administrative_fees.fee_amount'] = 40682080
    expect(of(report, 'P-UNITS')[0]?.message).toBe(
      '表二 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）=40682080，超过1000000万元，疑似按“元”填报',
    )
  })

  it('flags a 2019 采购总金额 whose unit was not written in the cell', () => {
    const report = buildConsistentReport('gov2019', 54)
    report.cells['t2.art20_9.centralized_procurement.procurement_total_amount'] = 120
    expect(of(report, 'P-UNITS')).toEqual([])
    report.units = {}
    expect(of(report, 'P-UNITS')[0]?.message).toBe(
      '表二 第二十条第（九）项 政府集中采购 采购总金额=120，未注明单位（元或万元）',
    )
  })
})

describe('P-CARRY-RATIO', () => {
  it('notes (info) a carry-forward above half of the new applications', () => {
    const report = grantedReport()
    expect(of(report, 'P-CARRY-RATIO')).toEqual([])
    report.cells['t3.new_received.total'] = 20
    report.cells['t3.carried_forward.total'] = 11
    const [finding] = of(report, 'P-CARRY-RATIO')
    expect(finding?.severity).toBe('info')
    expect(finding?.message).toMatch(
      /^表三 四结转下年度继续办理 总计=11，占表三 一本年新收政府信息公开申请数量 总计=20的55\.0%，比例偏高$/,
    )
    expect(of(report, 'P-CARRY-RATIO', { carryRatioMax: 0.6 })).toEqual([])
  })
})

describe('P-ZERO-BLANK (info)', () => {
  it('records blank cells that were read as 0', () => {
    const report = buildConsistentReport('gov2021', 55)
    expect(of(report, 'P-ZERO-BLANK')).toEqual([])
    for (const a of ['t3.granted.research_institution', 't3.granted.legal_service_org']) {
      delete report.cells[a]
      report.blank.push(a)
    }
    expect(of(report, 'P-ZERO-BLANK')).toEqual([
      {
        rule: 'P-ZERO-BLANK',
        severity: 'info',
        message: '2个空白单元格按0计算（首个：表三 三（一）予以公开 科研机构）',
        cells: ['t3.granted.research_institution', 't3.granted.legal_service_org'],
      },
    ])
  })
})
