import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { goldenCells, printedCells, T3_COLS, T4_COLS } from './golden.ts'
import type { Printed } from './golden.ts'
import { extractTextBlocks, parseTextReport } from './text.ts'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
const seed = fixture('seed-tianshuijun-2021.txt')

const ITEMS = ['prev_year_item_count', 'change_this_year', 'decisions_count']
const Z7: Printed[] = [0, 0, 0, 0, 0, 0, 0]

// Read by hand from seed-tianshuijun-2021.txt: 2019 试行 labels, 规范性文件 10/10/10, 其他对外管理服务事项
// 0/229/229, everything else 0; 表三 and 表四 all 0.
const SEED_CELLS: Record<string, Printed> = {
  ...goldenCells('t2.art20_1.', ['new_made_this_year', 'new_published_this_year', 'total_published'], {
    rules: [0, 0, 0],
    normative_documents: [10, 10, 10],
  }),
  ...goldenCells('t2.art20_5.', ITEMS, {
    administrative_licensing: [0, 0, 0],
    other_external_services: [0, 229, 229],
  }),
  ...goldenCells('t2.art20_6.', ITEMS, {
    administrative_penalty: [0, 0, 0],
    administrative_coercion: [0, 0, 0],
  }),
  ...goldenCells('t2.art20_8.', ['prev_year_item_count', 'change_this_year'], {
    administrative_fees: [0, 0],
  }),
  ...goldenCells('t2.art20_9.', ['procurement_project_count', 'procurement_total_amount'], {
    centralized_procurement: [0, 0],
  }),
  ...goldenCells('t3.', T3_COLS, {
    new_received: Z7,
    carried_over: Z7,
    granted: Z7,
    partially_granted: Z7,
    withheld_state_secret: Z7,
    withheld_law_prohibited: Z7,
    withheld_security_stability: Z7,
    withheld_third_party_rights: Z7,
    withheld_internal_affairs: Z7,
    withheld_process_info: Z7,
    withheld_enforcement_files: Z7,
    withheld_admin_inquiry: Z7,
    unable_not_held: Z7,
    unable_needs_creation: Z7,
    unable_unclear_after_correction: Z7,
    not_processed_petition: Z7,
    not_processed_repeated: Z7,
    not_processed_publication: Z7,
    not_processed_excessive: Z7,
    not_processed_confirmation: Z7,
    other_handling: Z7,
    results_total: Z7,
    carried_forward: Z7,
  }),
  ...goldenCells('t4.', T4_COLS, { count: Array<Printed>(15).fill(0) }),
}

describe('parseTextReport on the seed (秦州区天水郡街道 2021, one cell per line)', () => {
  const report = parseTextReport(seed)

  it('extracts every table cell of the 2019 试行 tables with its printed value and nothing missing', () => {
    expect(printedCells(report)).toEqual(SEED_CELLS)
    expect(report.missing).toEqual([])
    expect(report.extraRows).toEqual([])
  })

  it('reads the year 2021, the agency and the title, and detects 2019 labels in a 2021 report', () => {
    expect(report.year).toBe(2021)
    expect(report.agency).toBe('秦州区天水郡街道')
    expect(report.title).toBe('秦州区天水郡街道2021年政府信息公开工作年度报告')
    expect(report.format).toBe('gov2019')
    expect(report.formatSignals?.gov2019).toBeGreaterThan(0)
    expect(report.formatSignals?.gov2021).toBe(0)
    expect(report.recognised).toBe(true)
  })

  it('reads the catalogue metadata block, keeping the empty 主题分类 as an empty string', () => {
    expect(report.metadata).toMatchObject({
      indexNo: '20230618-163525-505',
      topicCategory: '',
      publisher: '天水郡街道',
      publishDate: '2021-12-31',
      title: '秦州区天水郡街道2021年政府信息公开工作年度报告',
    })
    expect(report.metadata?.raw['主题分类']).toBe('')
  })

  it('reads the six sections, with the prose of 总体情况, 五 and 六 and no table cells in them', () => {
    expect(Object.keys(report.sections)).toEqual([
      's1_overview',
      's2_proactive',
      's3_applications',
      's4_review_litigation',
      's5_problems',
      's6_other',
    ])
    expect(report.sections.s1_overview).toMatch(/^\(一\)主动公开政府信息情况。2021年/)
    expect(report.sections.s1_overview).toContain('收到依申请公开事项0项')
    expect(report.sections.s5_problems).toMatch(/^\(一\)存在问题。/)
    expect(report.sections.s6_other).toBe('无。')
    expect(report.sections.s4_review_litigation).toBe('')
  })

  it('gives the same cells when the punctuation is full-width （一） instead of half-width (一)', () => {
    const fullWidth = seed.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：')
    const full = parseTextReport(fullWidth)
    expect(printedCells(full)).toEqual(SEED_CELLS)
    expect(full.metadata?.indexNo).toBe('20230618-163525-505')
  })
})

describe('parseTextReport on cut texts', () => {
  it('013 (桃江县审计局 2020, `|` lines, cut inside 表三): what is there, and the rest as missing', () => {
    const report = parseTextReport(fixture('013.txt'))
    expect(report.format).toBe('gov2019')
    expect(report.year).toBe(2020)
    expect(report.cells['t2.art20_1.normative_documents.new_made_this_year']).toBe(2)
    expect(report.cells['t2.art20_1.normative_documents.new_published_this_year']).toBe(2)
    expect(report.cells['t2.art20_1.normative_documents.total_published']).toBe(2)
    expect(report.cells['t2.art20_9.centralized_procurement.procurement_total_amount']).toBe(0)
    expect(report.cells['t3.partially_granted.total']).toBe(0)
    expect(Object.keys(report.cells)).toHaveLength(22 + 4 * 7)
    // Cut at "1.属于国家秘": that row and everything after it are missing, and so are sections 四–六.
    expect(report.missing).toContain('t3.withheld_state_secret.natural_person')
    expect(report.missing).toContain('t3.carried_forward.total')
    expect(report.missing).toContain('t4.count.review_total')
    expect(report.missing.filter((m) => m.startsWith('t2.'))).toEqual([])
    expect(report.missing.filter((m) => m.startsWith('s'))).toEqual([
      's4_review_litigation',
      's5_problems',
      's6_other',
    ])
  })

  it('013 joins header cells split over lines (本年新 / 制作数量) back into one label', () => {
    const texts = extractTextBlocks(fixture('013.txt')).flatMap((b) => (b.kind === 'text' ? [b.text] : []))
    expect(texts).toContain('本年新制作数量')
    expect(texts).toContain('三、收到和处理政府信息公开申请情况')
  })

  it('015 (东湖 2025, cut in 表三 header): the whole 2021 表二, 表三/四 missing, the page metadata', () => {
    const report = parseTextReport(fixture('015.txt'))
    expect(report.format).toBe('gov2021')
    expect(report.year).toBe(2025)
    expect(report.agency).toBe('武汉市东湖生态旅游风景区城乡工作办事处')
    expect(printedCells(report)).toEqual({
      't2.art20_1.rules.issued_this_year': 0,
      't2.art20_1.rules.repealed_this_year': 0,
      't2.art20_1.rules.currently_valid': 0,
      't2.art20_1.normative_documents.issued_this_year': 0,
      't2.art20_1.normative_documents.repealed_this_year': 0,
      't2.art20_1.normative_documents.currently_valid': 0,
      't2.art20_5.administrative_licensing.decisions_this_year': 0,
      't2.art20_6.administrative_penalty.decisions_this_year': 0,
      't2.art20_6.administrative_coercion.decisions_this_year': 0,
      't2.art20_8.administrative_fees.fee_amount': 0,
    })
    expect(report.missing).toHaveLength(175 + 15 + 3)
    expect(report.metadata?.raw).toEqual({ 更新时间: '2026-01-15', 发布时间: '', 来源: '城乡工作办事处' })
  })
})

describe('extractTextBlocks', () => {
  it('turns `a | b | c` lines into one table, an empty cell between pipes being a blank', () => {
    const blocks = extractTextBlocks(
      '二、主动公开政府信息情况\n规章 | 0 |  | 3\n规范性文件 | 1 | 2 | 3\n说明',
    )
    expect(blocks).toEqual([
      { kind: 'text', text: '二、主动公开政府信息情况' },
      {
        kind: 'table',
        rows: [
          ['规章', '0', '', '3'],
          ['规范性文件', '1', '2', '3'],
        ],
      },
      { kind: 'text', text: '说明' },
    ])
  })

  it('maps a report typed as `label | values` rows, one row per line, blanks kept', () => {
    const report = parseTextReport(
      [
        '二、主动公开政府信息情况',
        '全年主动公开信息12条',
        '第二十条第(一)项',
        '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
        '规章 | 0 |  | 0',
        '行政规范性文件 | 3 | 1 | 9',
        '四、政府信息公开行政复议、行政诉讼情况',
        '0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      ].join('\n'),
    )
    expect(printedCells(report)).toMatchObject({
      't2.art20_1.rules.issued_this_year': 0,
      't2.art20_1.rules.repealed_this_year': null,
      't2.art20_1.normative_documents.currently_valid': 9,
      't4.count.review_pending': 1,
      't4.count.litigation_after_review_total': 0,
    })
    expect(report.sections.s2_proactive).toBe('全年主动公开信息12条')
    expect(report.extraRows).toEqual([])
  })
})
