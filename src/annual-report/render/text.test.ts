import { describe, expect, it } from 'vitest'
import { FORMATS } from '../formats/index.ts'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { TEXT_BLANK_CELL, renderText } from './text.ts'

describe('renderText', () => {
  it('writes one item per line with a blank line between, like a report page copied as text', () => {
    const text = renderText(buildConsistentReport('gov2019', 1))
    expect(text).not.toMatch(/\n\n\n/)
    const items = text.trimEnd().split('\n\n')
    expect(items.every((item) => item.length > 0 && !item.includes('\n'))).toBe(true)
  })

  it('flattens 表三 row by row: the corner note and header cells, then each label followed by its 7 values', () => {
    const report = buildConsistentReport('gov2021', 2)
    const items = renderText(report).trimEnd().split('\n\n')
    const t3 = FORMATS.gov2021.t3
    const start = items.indexOf(t3.cornerNote)
    expect(items.slice(start, start + 11)).toEqual([
      t3.cornerNote,
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '一、本年新收政府信息公开申请数量',
    ])
    const received = t3.columns.map((c) => String(report.cells[`t3.new_received.${c.key}`]))
    expect(items.slice(start + 11, start + 18)).toEqual(received)
  })

  it('keeps the sections in order, each heading followed by its prose', () => {
    const report = buildConsistentReport('gov2021', 3)
    const items = renderText(report).split('\n\n')
    const headings = FORMATS.gov2021.sections.map((s) => items.indexOf(`${s.number}、${s.label}`))
    expect(headings.every((i, n) => i > 0 && (n === 0 || i > (headings[n - 1] ?? 0)))).toBe(true)
    expect(items[(headings[4] ?? 0) + 1]).toBe(report.sections.s5_problems)
    expect(items[0]).toBe(report.title)
  })

  it('writes a blank value cell as a dash so it neither vanishes nor reads as 0', () => {
    const report = buildConsistentReport('gov2021', 4)
    delete report.cells['t4.count.review_other']
    report.blank = ['t4.count.review_other']
    const items = renderText(report).trimEnd().split('\n\n')
    const t4Values = items.slice(-15 - 6)
    expect(t4Values.filter((v) => v === TEXT_BLANK_CELL)).toHaveLength(1)
    expect(items).toContain('0')
  })

  it('prints the catalogue metadata block as label: value lines under the title', () => {
    const report = buildConsistentReport('gov2021', 5)
    report.metadata = {
      raw: { 索引号: '11330100MB0000000X/2025-00012', 主题分类: '' },
      indexNo: '11330100MB0000000X/2025-00012',
    }
    const items = renderText(report).split('\n\n')
    expect(items.slice(1, 3)).toEqual(['索引号: 11330100MB0000000X/2025-00012', '主题分类:'])
  })
})
