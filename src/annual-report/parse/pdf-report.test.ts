// The three published PDFs end to end through parseReport. Every value below was read off the page images
// (pdftoppm), never from parser output: they are the golden truth.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { T3_COLS, T4_COLS, goldenCells, printedCells, type Printed } from './golden.ts'
import { parseReport } from './index.ts'
import type { ParsedReport } from './parsed-report.ts'

// A generous limit: the machine is shared, and a file the direct reader does not cover goes through pdfjs (slow).
const PDF_TIMEOUT = 60_000

const T2_2021 = (
  a: number[],
  licensing: number,
  penalty: number,
  coercion: number,
  fee: number,
): Record<string, Printed> => ({
  't2.art20_1.rules.issued_this_year': a[0] ?? NaN,
  't2.art20_1.rules.repealed_this_year': a[1] ?? NaN,
  't2.art20_1.rules.currently_valid': a[2] ?? NaN,
  't2.art20_1.normative_documents.issued_this_year': a[3] ?? NaN,
  't2.art20_1.normative_documents.repealed_this_year': a[4] ?? NaN,
  't2.art20_1.normative_documents.currently_valid': a[5] ?? NaN,
  't2.art20_5.administrative_licensing.decisions_this_year': licensing,
  't2.art20_6.administrative_penalty.decisions_this_year': penalty,
  't2.art20_6.administrative_coercion.decisions_this_year': coercion,
  't2.art20_8.administrative_fees.fee_amount': fee,
})

/** 表三 rows common to both formats, as printed: 自然人 … 总计. */
function t3Common(rows: string): Record<string, Printed> {
  const keys = [
    'new_received',
    'carried_over',
    'granted',
    'partially_granted',
    'withheld_state_secret',
    'withheld_law_prohibited',
    'withheld_security_stability',
    'withheld_third_party_rights',
    'withheld_internal_affairs',
    'withheld_process_info',
    'withheld_enforcement_files',
    'withheld_admin_inquiry',
    'unable_not_held',
    'unable_needs_creation',
    'unable_unclear_after_correction',
    'not_processed_petition',
    'not_processed_repeated',
    'not_processed_publication',
    'not_processed_excessive',
    'not_processed_confirmation',
  ]
  const lines = rows.trim().split('\n')
  return goldenCells(
    't3.',
    T3_COLS,
    Object.fromEntries(keys.map((k, i) => [k, (lines[i] ?? '').trim().split(/\s+/).map(Number)])),
  )
}

function row(values: string): Printed[] {
  return values.split(' ').map(Number)
}

/** 勾稽 C1 for every applicant column: 一 + 二 = 三（七） + 四. */
function expectBalanced(report: ParsedReport): void {
  for (const col of T3_COLS) {
    const v = (r: string): number => report.cells[`t3.${r}.${col}`] ?? 0
    expect(v('new_received') + v('carried_over'), col).toBe(v('results_total') + v('carried_forward'))
  }
}

async function parseFixture(name: string): Promise<ParsedReport> {
  return parseReport(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)), { filename: name })
}

describe('parseReport on 淮安市人民政府 2024 (szfgs2024.pdf)', { timeout: PDF_TIMEOUT }, () => {
  it('reads the year, the agency and every table cell, and the report balances', async () => {
    const report = await parseFixture('szfgs2024.pdf')
    expect(report).toMatchObject({
      inputKind: 'pdf',
      format: 'gov2021',
      year: 2024,
      agency: '淮安市人民政府',
      recognised: true,
    })
    const golden = {
      ...T2_2021([1, 0, 11, 8, 26, 66], 447228, 3985758, 88283, 96171.6),
      ...t3Common(`
        3001 53 0 0 61 4 3119
        34 0 0 0 0 0 34
        1288 21 0 0 50 3 1362
        447 7 0 0 0 0 454
        2 0 0 0 0 0 2
        30 1 0 0 0 0 31
        5 0 0 0 0 0 5
        6 0 0 0 0 0 6
        7 1 0 0 0 0 8
        12 0 0 0 0 0 12
        9 0 0 0 0 0 9
        105 0 0 0 0 0 105
        746 12 0 0 10 1 769
        11 0 0 0 0 0 11
        1 0 0 0 0 0 1
        56 6 0 0 0 0 62
        25 0 0 0 0 0 25
        0 0 0 0 0 0 0
        0 0 0 0 0 0 0
        1 0 0 0 0 0 1`),
      ...goldenCells('t3.', T3_COLS, {
        other_no_correction: row('67 3 0 0 1 0 71'),
        other_fee_unpaid: row('6 0 0 0 0 0 6'),
        other_misc: row('108 2 0 0 0 0 110'),
        results_total: row('2932 53 0 0 61 4 3050'),
        carried_forward: row('103 0 0 0 0 0 103'),
      }),
      ...goldenCells('t4.', T4_COLS, { count: row('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20') }),
    }
    expect(printedCells(report)).toEqual(golden)
    expect(report.missing).toEqual([])
    expectBalanced(report)
  })
})

describe(
  'parseReport on the 洪泽区 reports (2021 表二, the 2019 single （六）其他处理 row in 表三)',
  { timeout: PDF_TIMEOUT },
  () => {
    const cases = [
      {
        file: 'hzq2023.pdf',
        year: 2023,
        agency: '洪泽区人民政府',
        t2: T2_2021([0, 0, 0, 0, 5, 5], 550, 4119, 195, 7730.28),
        t3: `21 21 | 0 0 | 0 0 | 4 4 | 1 1 | 0 0 | 0 0 | 0 0 | 0 0 | 1 1 | 1 1 | 0 0 | 10 10 | 3 3 | 0 0 | 1 1 | 0 0 | 0 0 | 0 0 | 0 0`,
        tail: { other_handling: '0 0', results_total: '21 21', carried_forward: '0 0' },
        t4: '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0',
      },
      {
        file: 'hzq2024.pdf',
        year: 2024,
        agency: '淮安市洪泽区人民政府',
        t2: T2_2021([0, 0, 0, 3, 0, 8], 9487, 2776, 84, 7545),
        t3: `95 95 | 0 0 | 50 50 | 9 9 | 0 0 | 0 0 | 1 1 | 0 0 | 0 0 | 1 1 | 1 1 | 0 0 | 31 31 | 1 1 | 0 0 | 1 1 | 0 0 | 0 0 | 0 0 | 0 0`,
        tail: { other_handling: '0 0', results_total: '95 95', carried_forward: '0 0' },
        t4: '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3',
      },
    ]
    // Every 法人或其他组织 cell of 表三 is printed 0 in both reports.
    const spread = (pair: string): string => {
      const [natural, total] = pair.trim().split(' ')
      return `${natural} 0 0 0 0 0 ${total}`
    }
    for (const c of cases) {
      it(`${c.file}: every printed cell at its address, typo labels as printed, and the report balances`, async () => {
        const report = await parseFixture(c.file)
        expect(report).toMatchObject({ inputKind: 'pdf', format: 'gov2021', year: c.year, agency: c.agency })
        const golden = {
          ...c.t2,
          ...t3Common(c.t3.split('|').map(spread).join('\n')),
          ...goldenCells(
            't3.',
            T3_COLS,
            Object.fromEntries(Object.entries(c.tail).map(([k, v]) => [k, row(spread(v))])),
          ),
          ...goldenCells('t4.', T4_COLS, { count: row(c.t4) }),
        }
        expect(printedCells(report)).toEqual(golden)
        // The single （六） row is kept at its 2019 address; the three 2021 （六） rows are reported missing.
        expect(report.missing.every((a) => /^t3\.other_(no_correction|fee_unpaid|misc)\./.test(a))).toBe(true)
        expect(report.missing).toHaveLength(21)
        expectBalanced(report)
      })
    }
  },
)
