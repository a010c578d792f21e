/**
 * Test data: a random report that satisfies every rule (for rule tests, which then break one thing, and for
 * property tests elsewhere, e.g. render → parse round trips). Deterministic for a given seed.
 */
import { FORMATS, formatCells } from '../formats/index.ts'
import type { FormatKey, ReportFormat } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'

/** mulberry32: a small seeded PRNG, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = { int(max: number): number; chance(p: number): boolean }

function random(seed: number): Random {
  const next = prng(seed)
  return { int: (max) => Math.floor(next() * (max + 1)), chance: (p) => next() < p }
}

const NON_OUTCOME_ROWS = new Set(['new_received', 'carried_over', 'results_total', 'carried_forward'])

function fillT3(format: ReportFormat, rnd: Random, cells: Record<string, number>): void {
  const outcomeRows = format.t3.rows.filter((r) => !NON_OUTCOME_ROWS.has(r.key)).map((r) => r.key)
  const applicantColumns = format.t3.columns.filter((c) => c.key !== 'total').map((c) => c.key)
  for (const row of format.t3.rows) for (const c of format.t3.columns) cells[`t3.${row.key}.${c.key}`] = 0
  for (const c of applicantColumns) {
    // Most agencies get applications mainly from natural persons; other columns are often all zero.
    if (c !== 'natural_person' && rnd.chance(0.6)) continue
    const received = rnd.int(c === 'natural_person' ? 40 : 8)
    const carriedOver = rnd.int(3)
    const carriedForward = rnd.int(Math.floor(received / 4))
    const handled = received + carriedOver - carriedForward
    cells[`t3.new_received.${c}`] = received
    cells[`t3.carried_over.${c}`] = carriedOver
    cells[`t3.carried_forward.${c}`] = carriedForward
    cells[`t3.results_total.${c}`] = handled
    for (let i = 0; i < handled; i++) {
      // Weighted towards 予以公开 and 无法提供, as in real reports.
      const row = rnd.chance(0.5) ? 'granted' : (outcomeRows[rnd.int(outcomeRows.length - 1)] ?? 'granted')
      cells[`t3.${row}.${c}`] = (cells[`t3.${row}.${c}`] ?? 0) + 1
    }
  }
  for (const row of format.t3.rows) {
    cells[`t3.${row.key}.total`] = applicantColumns.reduce(
      (s, c) => s + (cells[`t3.${row.key}.${c}`] ?? 0),
      0,
    )
  }
}

function fillT4(rnd: Random, cells: Record<string, number>): void {
  for (const group of ['review', 'litigation_direct', 'litigation_after_review']) {
    let total = 0
    for (const part of ['maintained', 'corrected', 'other', 'pending']) {
      const n = rnd.chance(0.5) ? 0 : rnd.int(3)
      cells[`t4.count.${group}_${part}`] = n
      total += n
    }
    cells[`t4.count.${group}_total`] = total
  }
}

function fillT2(format: ReportFormat, rnd: Random, cells: Record<string, number>): void {
  for (const cell of formatCells(format)) {
    if (cell.table !== 't2') continue
    // A department has no power to make 规章 (P-RULES-POWER).
    if (cell.row === 'rules') cells[cell.address] = 0
    else if (cell.type === 'decimal') cells[cell.address] = rnd.int(500000) / 10000
    else if (cell.type === 'money') cells[cell.address] = rnd.int(90000) / 100
    else cells[cell.address] = rnd.int(200)
  }
  if (format.key === 'gov2019') {
    const normative = 't2.art20_1.normative_documents'
    const total = cells[`${normative}.total_published`] ?? 0
    cells[`${normative}.new_published_this_year`] = rnd.int(total)
    for (const cell of formatCells(format)) {
      if (cell.column !== 'change_this_year') continue
      const prev = cells[cell.address.replace('change_this_year', 'prev_year_item_count')] ?? 0
      cells[cell.address] = rnd.int(prev + 20) - prev
    }
  }
}

/** A report in `format` that every rule accepts (a 县 department, published on time, metadata complete). */
export function buildConsistentReport(formatKey: FormatKey, seed: number): AnnualReport {
  const format = FORMATS[formatKey]
  const rnd = random(seed)
  const year = formatKey === 'gov2019' ? 2019 + rnd.int(1) : 2021 + rnd.int(4)
  const agency = '示例县财政局'
  const title = `${agency}${year}年政府信息公开工作年度报告`
  const cells: Record<string, number> = {}
  fillT2(format, rnd, cells)
  fillT3(format, rnd, cells)
  fillT4(rnd, cells)
  const received = cells['t3.new_received.total'] ?? 0
  const feeUnpaid = cells['t3.other_fee_unpaid.total'] ?? 0
  return {
    format: formatKey,
    year,
    agency,
    title,
    metadata: {
      indexNo: `11330100MB0000000X/${year + 1}-00012`,
      topicCategory: '综合政务\\政务公开',
      publisher: agency,
      publishDate: `${year + 1}-01-20`,
      title,
      raw: {},
    },
    sections: {
      s1_overview: `本报告统计期限为${year}年1月1日至12月31日。本机关全年收到政府信息公开申请${received}件。`,
      s2_proactive: '主动公开政府信息情况见下表。',
      s3_applications: '收到和处理政府信息公开申请情况见下表。',
      s4_review_litigation: '政府信息公开行政复议、行政诉讼情况见下表。',
      s5_problems: '存在的主要问题是公开内容不够全面，下一步将加强培训。',
      s6_other:
        feeUnpaid > 0
          ? `本年度共发出收费通知${feeUnpaid}件，申请人均未缴费。`
          : '本年度未发出收费通知，未收取信息处理费。',
    },
    cells,
    blank: [],
    units:
      formatKey === 'gov2019'
        ? { 't2.art20_9.centralized_procurement.procurement_total_amount': '万元' }
        : {},
    formatSignals: { gov2019: 0, gov2021: 0 },
  }
}
