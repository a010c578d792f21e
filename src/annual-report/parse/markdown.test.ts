import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { goldenCells, printedCells, T3_COLS, T4_COLS } from './golden.ts'
import { parseMarkdownReport } from './markdown.ts'

const sample003 = readFileSync(new URL('../fixtures/003.txt', import.meta.url), 'utf8')

// Read by hand from 003.txt (沭阳县人民政府 2025, a third party's PDF→Markdown conversion). The last block of
// 表三 sits under an invented header (本年新收件数 | 上年结转件数 | 予以公开 …) but its columns are still
// 自然人 … 总计: （七）总计 710/3/0/0/5/0/718, 四、结转 31/…/31 (003.meta.json: 705+36 = 710+31).
const CELLS_003 = {
  ...goldenCells('t2.art20_1.', ['issued_this_year', 'repealed_this_year', 'currently_valid'], {
    rules: [0, 0, 0],
    normative_documents: [6, 1, 32],
  }),
  't2.art20_5.administrative_licensing.decisions_this_year': 517645,
  't2.art20_6.administrative_penalty.decisions_this_year': 693957,
  't2.art20_6.administrative_coercion.decisions_this_year': 2154,
  't2.art20_8.administrative_fees.fee_amount': 4068.208,
  ...goldenCells('t3.', T3_COLS, {
    new_received: [705, 3, 0, 0, 5, 0, 713],
    carried_over: [36, 0, 0, 0, 0, 0, 36],
    granted: [290, 1, 0, 0, 3, 0, 294],
    partially_granted: [99, 0, 0, 0, 2, 0, 101],
    withheld_state_secret: [0, 0, 0, 0, 0, 0, 0],
    withheld_law_prohibited: [0, 0, 0, 0, 0, 0, 0],
    withheld_security_stability: [2, 0, 0, 0, 0, 0, 2],
    withheld_third_party_rights: [2, 0, 0, 0, 0, 0, 2],
    withheld_internal_affairs: [13, 0, 0, 0, 0, 0, 13],
    withheld_process_info: [2, 0, 0, 0, 0, 0, 2],
    withheld_enforcement_files: [4, 0, 0, 0, 0, 0, 4],
    withheld_admin_inquiry: [9, 0, 0, 0, 0, 0, 9],
    unable_not_held: [111, 0, 0, 0, 0, 0, 111],
    unable_needs_creation: [2, 0, 0, 0, 0, 0, 2],
    unable_unclear_after_correction: [0, 0, 0, 0, 0, 0, 0],
    not_processed_petition: [12, 0, 0, 0, 0, 0, 12],
    not_processed_repeated: [6, 1, 0, 0, 0, 0, 7],
    not_processed_publication: [0, 0, 0, 0, 0, 0, 0],
    not_processed_excessive: [0, 0, 0, 0, 0, 0, 0],
    not_processed_confirmation: [0, 0, 0, 0, 0, 0, 0],
    other_no_correction: [9, 0, 0, 0, 0, 0, 9],
    other_fee_unpaid: [7, 0, 0, 0, 0, 0, 7],
    other_misc: [142, 1, 0, 0, 0, 0, 143],
    results_total: [710, 3, 0, 0, 5, 0, 718],
    carried_forward: [31, 0, 0, 0, 0, 0, 31],
  }),
  ...goldenCells('t4.', T4_COLS, { count: [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10] }),
}

describe('parseMarkdownReport on 003 (placeholder and invented table headers)', () => {
  const report = parseMarkdownReport(sample003)

  it('maps every cell by its row label, not by the wrong headers, with nothing missing', () => {
    expect(printedCells(report)).toEqual(CELLS_003)
    expect(report.missing).toEqual([])
    expect(report.extraRows).toEqual([])
  })

  it('balances as printed: 自然人 705+36 = 710+31 and 总计 713+36 = 718+31', () => {
    const c = report.cells
    expect((c['t3.new_received.natural_person'] ?? 0) + (c['t3.carried_over.natural_person'] ?? 0)).toBe(
      (c['t3.results_total.natural_person'] ?? 0) + (c['t3.carried_forward.natural_person'] ?? 0),
    )
    expect((c['t3.new_received.total'] ?? 0) + (c['t3.carried_over.total'] ?? 0)).toBe(749)
  })

  it('reads the 2021 format, year 2025, the agency as printed (OCR 沐阳) and the six sections', () => {
    expect(report.format).toBe('gov2021')
    expect(report.formatSignals).toEqual({ gov2019: 0, gov2021: expect.any(Number) as number })
    expect(report.year).toBe(2025)
    expect(report.agency).toBe('沐阳县人民政府')
    expect(report.inputKind).toBe('markdown')
    expect(report.sections.s1_overview).toContain('全县全年共受理政府信息公开申请 749 件')
    expect(report.sections.s5_problems).toMatch(/^2025 年，我县县政府信息公开工作/)
    expect(report.sections.s6_other).toContain('收取信息处理费共计380元')
    expect(report.metadata).toBeNull()
  })
})
