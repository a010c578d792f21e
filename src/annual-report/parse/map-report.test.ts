import { describe, expect, it } from 'vitest'
import { mapReport } from './map-report.ts'
import type { SourceBlock } from './source.ts'
import { extractTextBlocks } from './text.ts'

const lines = (...texts: string[]): SourceBlock[] => extractTextBlocks(texts.join('\n'))

const T3_HEAD = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '总计']

describe('mapReport: values', () => {
  it('reads 1,234, signed +4 / -8, decimals and a unit written in the cell', () => {
    const report = mapReport(
      lines(
        '二、主动公开政府信息情况',
        '第二十条第（五）项',
        '信息内容',
        '上一年项目数量',
        '本年增/减',
        '处理决定数量',
        '行政许可',
        '1,234',
        '+4',
        '56',
        '其他对外管理服务事项',
        '20',
        '-8',
        '0',
        '第二十条第（九）项',
        '信息内容',
        '采购项目数量',
        '采购总金额',
        '政府集中采购',
        '3',
        '12.5万元',
      ),
      'text',
    )
    expect(report.cells).toMatchObject({
      't2.art20_5.administrative_licensing.prev_year_item_count': 1234,
      't2.art20_5.administrative_licensing.change_this_year': 4,
      't2.art20_5.other_external_services.change_this_year': -8,
      't2.art20_9.centralized_procurement.procurement_total_amount': 12.5,
    })
    expect(report.units).toEqual({ 't2.art20_9.centralized_procurement.procurement_total_amount': '万元' })
  })

  it('keeps a dash, a slash, 无 and an empty table cell as blank, distinct from an explicit 0', () => {
    const report = mapReport(
      [
        { kind: 'text', text: '四、政府信息公开行政复议、行政诉讼情况' },
        {
          kind: 'table',
          rows: [['0', '—', '-', '/', '无', '', '0', '0', '0', '0', '0', '0', '0', '0', '0']],
        },
      ],
      'html',
    )
    expect(report.cells['t4.count.review_maintained']).toBe(0)
    expect(report.blank).toEqual([
      't4.count.review_corrected',
      't4.count.review_other',
      't4.count.review_pending',
      't4.count.review_total',
      't4.count.litigation_direct_maintained',
    ])
  })
})

describe('mapReport: rows', () => {
  it('keeps a row the format does not define (其他主动公开文件) as an extra row, not a cell', () => {
    const report = mapReport(
      lines(
        '第二十条第（一）项',
        '信息内容',
        '本年制发件数',
        '本年废止件数',
        '现行有效件数',
        '规章',
        '0',
        '0',
        '0',
        '其他主动公开文件',
        '5',
        '—',
        '7',
        '行政规范性文件',
        '1',
        '2',
        '3',
      ),
      'text',
    )
    expect(report.extraRows).toEqual([{ table: 't2', label: '其他主动公开文件', values: [5, null, 7] }])
    expect(report.cells['t2.art20_1.normative_documents.currently_valid']).toBe(3)
  })

  it('completes a row label split over two lines and reads straight quotes and OCR 己 for 已', () => {
    const report = mapReport(
      lines(
        ...T3_HEAD,
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政',
        '府信息公开申请',
        '1',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1',
        '3.危及"三安全一稳定"',
        '2',
        '0',
        '0',
        '0',
        '0',
        '0',
        '2',
        '5.要求行政机关确认或重新出具己获取信息',
        '3',
        '0',
        '0',
        '0',
        '0',
        '0',
        '3',
        '2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请',
        '4',
        '0',
        '0',
        '0',
        '0',
        '0',
        '4',
      ),
      'text',
    )
    expect(report.cells['t3.other_no_correction.total']).toBe(1)
    expect(report.cells['t3.withheld_security_stability.total']).toBe(2)
    expect(report.cells['t3.not_processed_confirmation.total']).toBe(3)
    expect(report.cells['t3.other_fee_unpaid.total']).toBe(4)
  })

  it('counts a 表二 header printed again after its rows afresh (a repeated table)', () => {
    const head = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数']
    const report = mapReport(
      lines(...head, '规章', '1', '2', '3', ...head.slice(1), '行政规范性文件', '4', '5', '6'),
      'text',
    )
    expect(report.cells['t2.art20_1.normative_documents.currently_valid']).toBe(6)
    expect(report.extraRows).toEqual([])
  })

  it('joins a label split into pieces too short to recognise (行政 / 许可, 第二十条 / 第（六）项 inside 表二)', () => {
    const report = mapReport(
      lines(
        '第二十条第（五）项',
        '行政许可',
        '1',
        '第二十条',
        '第（六）项',
        '信息内容',
        '本年处理决定数量',
        '行政',
        '处罚',
        '4',
        '行政强制',
        '5',
      ),
      'text',
    )
    expect(report.cells).toEqual({
      't2.art20_5.administrative_licensing.decisions_this_year': 1,
      't2.art20_6.administrative_penalty.decisions_this_year': 4,
      't2.art20_6.administrative_coercion.decisions_this_year': 5,
    })
    expect(report.extraRows).toEqual([])
  })

  it('reads a row printed on one line with its values (PDF text: 规 章 0 0 0), no header: format by year', () => {
    const report = mapReport(
      lines('2020年度报告', '第二十条第(一)项', '规 章 1 2 3', '规范性文件 4 5 6'),
      'pdf',
    )
    expect(report.cells).toEqual({
      't2.art20_1.rules.new_made_this_year': 1,
      't2.art20_1.rules.new_published_this_year': 2,
      't2.art20_1.rules.total_published': 3,
      't2.art20_1.normative_documents.new_made_this_year': 4,
      't2.art20_1.normative_documents.new_published_this_year': 5,
      't2.art20_1.normative_documents.total_published': 6,
    })
  })

  it('reads a 表三 text row of two values as 自然人 and 总计 when the blank cells were dropped', () => {
    const report = mapReport(
      lines(
        ...T3_HEAD,
        '一、本年新收政府信息公开申请数量',
        '26',
        '26',
        '二、上年结转政府信息公开申请数量',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '（一）予以公开',
        '26',
        '26',
      ),
      'text',
    )
    expect(report.cells['t3.new_received.natural_person']).toBe(26)
    expect(report.cells['t3.new_received.total']).toBe(26)
    expect(report.cells['t3.new_received.commercial_enterprise']).toBeUndefined()
    expect(report.missing).toContain('t3.new_received.commercial_enterprise')
    // The last row is where the text ends: cut, so its values stay in order.
    expect(report.cells['t3.granted.commercial_enterprise']).toBe(26)
  })

  it('does not take the 表三 column header 其他 or 总计 for the rows 3.其他 and （七）总计', () => {
    const report = mapReport(
      lines(
        ...T3_HEAD,
        '商业企业',
        '科研机构',
        '社会公益组织',
        '法律服务机构',
        '其他',
        '一、本年新收政府信息公开申请数量',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '21',
      ),
      'text',
    )
    expect(report.cells['t3.new_received.total']).toBe(21)
    expect(report.extraRows).toEqual([])
    expect(Object.keys(report.cells)).toHaveLength(7)
  })
})

describe('mapReport: sections', () => {
  it('opens a section whose heading runs into its first paragraph on one line', () => {
    const report = mapReport(
      lines(
        '一、总体情况。2021年，本局主动公开信息12条，收到申请3件，均已按期答复，没有因此被申请行政复议或提起诉讼的情况。',
        '五、存在的主要问题及改进情况：队伍专业化水平有待提升。',
      ),
      'text',
    )
    expect(report.sections.s1_overview).toMatch(/^2021年，本局主动公开信息12条/)
    expect(report.sections.s5_problems).toBe('队伍专业化水平有待提升。')
  })

  it('does not take a subsection （二）依申请公开政府信息情况 for section 三', () => {
    const report = mapReport(lines('一、总体情况', '（二）依申请公开政府信息情况', '收到申请3件'), 'text')
    expect(Object.keys(report.sections)).toEqual(['s1_overview'])
    expect(report.sections.s1_overview).toBe('（二）依申请公开政府信息情况\n收到申请3件')
  })
})

describe('mapReport: title', () => {
  it('takes the title from the page metadata over a sidebar link to another year', () => {
    const report = mapReport(
      lines(
        '相关链接：某某局2022年政府信息公开工作年度报告',
        '标题：某某局2023年政府信息公开工作年度报告',
        '一、总体情况',
      ),
      'html',
    )
    expect(report).toMatchObject({
      title: '某某局2023年政府信息公开工作年度报告',
      year: 2023,
      agency: '某某局',
    })
  })
})

describe('mapReport: PDF table rows', () => {
  const head: SourceBlock = { kind: 'text', text: '三、收到和处理政府信息公开申请情况' }
  const values = ['2', '0', '0', '0', '0', '0', '2']

  it('matches a numbered row printed with a typo (洪泽 2023: 2.其他法律行政止公开) by ordinal and likeness', () => {
    const rows = [['三、本年', '三、本年', '2.其他法律行政止公开', ...values]]
    const report = mapReport([head, { kind: 'table', rows }], 'pdf')
    expect(report.cells['t3.withheld_law_prohibited.total']).toBe(2)
    expect(report.extraRows).toEqual([])
  })

  it('names an unknown row by the cell next to its values, not by the group label before it', () => {
    const rows = [['三、本年', '三、本年', '5.属于某类信息', ...values]]
    const report = mapReport([head, { kind: 'table', rows }], 'pdf')
    expect(report.extraRows).toEqual([
      { table: 't3', label: '5.属于某类信息', values: [2, 0, 0, 0, 0, 0, 2] },
    ])
  })
})

describe('mapReport: format version', () => {
  it('addresses a 2021 表二 with the 2019 single （六）其他处理 row (hybrid) and counts both signals', () => {
    const report = mapReport(
      lines(
        '第二十条第（五）项',
        '信息内容',
        '本年处理决定数量',
        '行政许可',
        '7',
        ...T3_HEAD,
        '（六）其他处理',
        '1',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1',
      ),
      'text',
    )
    expect(report.format).toBe('gov2021')
    expect(report.cells['t2.art20_5.administrative_licensing.decisions_this_year']).toBe(7)
    expect(report.cells['t3.other_handling.total']).toBe(1)
    // 本年处理决定数量 is 2021's, the single （六）其他处理 row 2019's: a tie, settled by the default (no year).
    expect(report.formatSignals).toEqual({ gov2019: 1, gov2021: 1 })
    expect(report.missing).toContain('t3.other_misc.total')
  })

  it('reads a 2021 （六）其他处理 group heading as a group, not as the 2019 data row', () => {
    const report = mapReport(
      lines(...T3_HEAD, '（六）其他处理', '3.其他', '1', '0', '0', '0', '0', '0', '1'),
      'text',
    )
    expect(report.cells['t3.other_misc.total']).toBe(1)
    expect(report.cells['t3.other_handling.total']).toBeUndefined()
    expect(report.formatSignals).toEqual({ gov2019: 0, gov2021: 1 })
  })
})

describe('mapReport: what is not a report', () => {
  it('returns an unrecognised empty report for no blocks or foreign text, without throwing', () => {
    for (const blocks of [
      [],
      lines('hello', 'world 1 2 3'),
      [{ kind: 'table', rows: [[]] } as SourceBlock],
    ]) {
      const report = mapReport(blocks, 'text')
      expect(report.recognised).toBe(false)
      expect(report.format).toBeNull()
      expect(report.cells).toEqual({})
    }
  })
})
