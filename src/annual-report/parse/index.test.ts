import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { goldenCells, printedCells, T3_COLS, T4_COLS } from './golden.ts'
import type { Printed } from './golden.ts'
import { detectInputKind, parseReport, parseReportText } from './index.ts'

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url))

// Read by hand from 002.html (沭阳县发展和改革局 2023): 表三 has numbers only in 自然人 and 总计, the five
// 法人或其他组织 cells of every row are empty (blank, not 0).
const B5: Printed[] = [null, null, null, null, null]
const t3Row = (natural: number, total: number): Printed[] => [natural, ...B5, total]
const CELLS_002: Record<string, Printed> = {
  ...goldenCells('t2.art20_1.', ['issued_this_year', 'repealed_this_year', 'currently_valid'], {
    rules: [0, 0, 0],
    normative_documents: [8, 0, 18],
  }),
  't2.art20_5.administrative_licensing.decisions_this_year': 0,
  't2.art20_6.administrative_penalty.decisions_this_year': 0,
  't2.art20_6.administrative_coercion.decisions_this_year': 0,
  't2.art20_8.administrative_fees.fee_amount': 0,
  ...goldenCells('t3.', T3_COLS, {
    new_received: t3Row(26, 26),
    carried_over: t3Row(0, 0),
    granted: t3Row(26, 26),
    ...Object.fromEntries(
      [
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
        'other_no_correction',
        'other_fee_unpaid',
        'other_misc',
      ].map((row) => [row, t3Row(0, 0)]),
    ),
    results_total: t3Row(26, 26),
    carried_forward: t3Row(0, 0),
  }),
  ...goldenCells('t4.', T4_COLS, { count: [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }),
}

describe('detectInputKind', () => {
  it('tells PDF, DOCX, HTML, Markdown and text apart by content, and .md by name', () => {
    expect(detectInputKind(Buffer.from('%PDF-1.7\n…'))).toBe('pdf')
    expect(detectInputKind(Buffer.from('PK\u0003\u0004....word/document.xml....', 'latin1'))).toBe('docx')
    expect(detectInputKind(fixture('002.html'))).toBe('html')
    expect(detectInputKind(fixture('003.txt'))).toBe('markdown')
    expect(detectInputKind(fixture('013.txt'))).toBe('text')
    expect(detectInputKind(fixture('seed-tianshuijun-2021.txt'))).toBe('text')
    expect(detectInputKind('一、总体情况', 'report.md')).toBe('markdown')
  })
})

describe('parseReport', () => {
  it('parses 002.html with every cell right, blanks kept blank, and the metadata table', async () => {
    const report = await parseReport(fixture('002.html'))
    expect(report.inputKind).toBe('html')
    expect(printedCells(report)).toEqual(CELLS_002)
    expect(report.missing).toEqual([])
    expect(report).toMatchObject({ format: 'gov2021', year: 2023, agency: '沭阳县发展和改革局' })
    expect(report.metadata).toMatchObject({
      indexNo: '014314799/2024-00002',
      publishDate: '2024-01-17',
      docNumber: '',
    })
    expect(report.sections.s5_problems).toMatch(/^（一）存在的主要问题。/)
  })

  it('decodes a GB18030 (GBK) page as well as UTF-8', async () => {
    // 秦州区天水郡街道2021年政府信息公开工作年度报告 / 一、总体情况 / 二、主动公开政府信息情况, encoded in GB18030.
    const gbk = Buffer.from(
      'c7d8d6ddc7f8cceccbaebfa4bdd6b5c032303231c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60ad2bba1a2d7dccce5' +
        'c7e9bff60ab6fea1a2d6f7b6afb9abbfaad5feb8aed0c5cfa2c7e9bff60a',
      'hex',
    )
    const report = await parseReport(gbk)
    expect(report).toMatchObject({ agency: '秦州区天水郡街道', year: 2021, recognised: true })
  })

  it('gives "not recognised" for a damaged PDF or an unrelated file, without rejecting', async () => {
    await expect(parseReport(Buffer.from('%PDF-1.4 broken'))).resolves.toMatchObject({ recognised: false })
    await expect(parseReport(Buffer.from([0, 1, 2, 255, 254]))).resolves.toMatchObject({ recognised: false })
  })

  it('parseReportText gives the same report as parseReport for text input', async () => {
    const text = fixture('003.txt').toString('utf8')
    expect(parseReportText(text)).toEqual(await parseReport(text))
  })
})
