import { describe, expect, it } from 'vitest'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { renderJson } from './json.ts'

describe('renderJson', () => {
  it('gives the same bytes for the same report whatever order its fields were built in', () => {
    const report = buildConsistentReport('gov2021', 1)
    const shuffled = {
      ...report,
      cells: Object.fromEntries(Object.entries(report.cells).reverse()),
      blank: ['t3.granted.other_org', 't2.art20_1.rules.issued_this_year'],
    }
    const sorted = { ...report, blank: ['t2.art20_1.rules.issued_this_year', 't3.granted.other_org'] }
    expect(renderJson(shuffled)).toBe(renderJson(sorted))
  })

  it('holds format, year, agency, cells, blank and the non-empty sections, keys sorted', () => {
    const report = buildConsistentReport('gov2019', 2)
    report.sections = { ...report.sections, s6_other: '  ' }
    const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort())
    expect(parsed).toMatchObject({
      format: 'gov2019',
      year: report.year,
      agency: report.agency,
      cells: report.cells,
    })
    expect(Object.keys(parsed.sections as object)).toEqual([
      's1_overview',
      's2_proactive',
      's3_applications',
      's4_review_litigation',
      's5_problems',
    ])
    expect(Object.keys(parsed.cells as object)).toEqual(Object.keys(report.cells).sort())
  })
})
