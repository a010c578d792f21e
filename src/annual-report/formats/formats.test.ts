import { describe, expect, it } from 'vitest'
import { FORMATS, GOV2019, GOV2021, expectedFormatForYear, formatCells } from './index.ts'

describe('report formats as data', () => {
  it('defines 22 outcome-bearing 表三 data rows in 2021 and 20 in 2019, with the same 7 columns', () => {
    expect(GOV2021.t3.rows).toHaveLength(2 + 21 + 1 + 1)
    expect(GOV2019.t3.rows).toHaveLength(2 + 19 + 1 + 1)
    expect(GOV2021.t3.columns.map((c) => c.key)).toEqual(GOV2019.t3.columns.map((c) => c.key))
    expect(GOV2021.t3.columns).toHaveLength(7)
  })

  it('gives every cell a unique address in the notation of report-schema.json', () => {
    for (const format of Object.values(FORMATS)) {
      const addresses = formatCells(format).map((c) => c.address)
      expect(new Set(addresses).size).toBe(addresses.length)
    }
    const a2021 = formatCells(GOV2021).map((c) => c.address)
    expect(a2021).toContain('t3.new_received.total')
    expect(a2021).toContain('t2.art20_1.rules.issued_this_year')
    expect(a2021).toContain('t2.art20_8.administrative_fees.fee_amount')
    expect(a2021).toContain('t4.count.litigation_after_review_total')
    expect(formatCells(GOV2019).map((c) => c.address)).toContain('t2.art20_9.centralized_procurement.procurement_total_amount')
  })

  it('keeps the exact printed punctuation of the labels', () => {
    const labels = GOV2021.t3.rows.map((r) => r.label)
    expect(labels).toContain('3.危及“三安全一稳定”')
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')
    expect(GOV2021.t3.cornerNote).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
  })

  it('expects the 2019 试行 format for report years 2019–2020 and the 2021 format after', () => {
    expect(expectedFormatForYear(2020)).toBe('gov2019')
    expect(expectedFormatForYear(2021)).toBe('gov2021')
  })
})
