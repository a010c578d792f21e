// The 图解's SVG builder: escaping of every text, the numbers it prints (figures, shares, axis), the outcome
// groups of both formats, and the accessible name and description.
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import type { AnnualReport } from '../model.ts'
import { infographicData } from './figures.ts'
import { escapeXml, formatCount, formatPercent, niceScale, renderInfographicSvg } from './svg.ts'

function report(cells: Record<string, number>, format: 'gov2021' | 'gov2019' = 'gov2021'): AnnualReport {
  return { format, year: 2025, agency: null, title: null, metadata: null, sections: {}, cells, blank: [] }
}

const CELLS_2025 = {
  't3.new_received.total': 120,
  't3.carried_over.total': 8,
  't3.results_total.total': 118,
  't3.carried_forward.total': 10,
  't3.granted.total': 60,
  't3.partially_granted.total': 20,
  't3.withheld_state_secret.total': 3,
  't3.withheld_third_party_rights.total': 5,
  't3.unable_not_held.total': 20,
  't3.not_processed_repeated.total': 6,
  't3.other_no_correction.total': 1,
  't3.other_misc.total': 3,
  // A column other than 总计 is not summed into the group.
  't3.unable_not_held.natural_person': 19,
  't4.count.review_maintained': 3,
  't4.count.review_corrected': 1,
  't4.count.review_total': 4,
  't4.count.litigation_direct_corrected': 1,
  't4.count.litigation_direct_total': 1,
  't4.count.litigation_after_review_other': 2,
  't4.count.litigation_after_review_total': 2,
  't2.art20_1.rules.issued_this_year': 2,
  't2.art20_1.normative_documents.issued_this_year': 15,
  't2.art20_1.rules.currently_valid': 30,
  't2.art20_1.normative_documents.currently_valid': 140,
}

function load(svg: string) {
  return cheerio.load(svg, { xml: true })
}

describe('图解 figures', () => {
  it('groups the outcome rows and sums 表四 per kind', () => {
    const d = infographicData('示例局', 2025, report(CELLS_2025), [])
    expect(d.outcomes.map((o) => [o.label, o.value])).toEqual([
      ['予以公开', 60],
      ['部分公开', 20],
      ['不予公开', 8],
      ['无法提供', 20],
      ['不予处理', 6],
      ['其他处理', 4],
    ])
    expect(d.review).toEqual({ maintained: 3, corrected: 1, other: 0, pending: 0, total: 4 })
    expect(d.litigation).toEqual({ maintained: 0, corrected: 1, other: 2, pending: 0, total: 3 })
    expect([d.rulesIssued, d.normativeIssued, d.currentlyValid]).toEqual([2, 15, 170])
  })

  it('reads the 2019 format’s one （六） row and its 表二 columns', () => {
    const d = infographicData(
      '示例局',
      2020,
      report(
        {
          't3.other_handling.total': 7,
          't2.art20_1.rules.new_made_this_year': 1,
          't2.art20_1.normative_documents.total_published': 9,
        },
        'gov2019',
      ),
      [],
    )
    expect(d.outcomes.find((o) => o.key === 'other_handling')?.value).toBe(7)
    expect(d.rulesIssued).toBe(1)
    expect(d.currentlyValid).toBe(9)
  })

  it('orders the trend by year and keeps one point per year', () => {
    const d = infographicData('示例局', 2024, report(CELLS_2025), [
      { year: 2025, report: report({ 't3.new_received.total': 1 }) },
      { year: 2022, report: report({ 't3.new_received.total': 50, 't3.granted.total': 5 }) },
      { year: 2024, report: report({ 't3.new_received.total': 999 }) },
    ])
    expect(d.trend.map((p) => [p.year, p.received, p.disclosed])).toEqual([
      [2022, 50, 5],
      [2024, 120, 80],
      [2025, 1, 0],
    ])
  })
})

describe('图解 SVG', () => {
  it('escapes every text and attribute: markup in an agency name stays text', () => {
    const name = '<script>alert(1)</script>&"局\'\u0001'
    const svg = renderInfographicSvg(infographicData(name, 2025, report(CELLS_2025), []))
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('\u0001')
    const $ = load(svg)
    expect($('script')).toHaveLength(0)
    expect($('title').text()).toBe('<script>alert(1)</script>&"局\'2025年政府信息公开工作年度报告图解')
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;')
  })

  it('prints the figures, shares and appeals, with title and desc for assistive technology', () => {
    const svg = renderInfographicSvg(infographicData('示例局', 2025, report(CELLS_2025), []))
    const $ = load(svg)
    const root = $('svg')
    expect(root.attr('role')).toBe('img')
    expect(root.attr('aria-labelledby')).toBe('tujie-title tujie-desc')
    expect(root.attr('font-family')).toContain("'Noto Serif SC'")
    expect(root.attr('font-family')).toMatch(/serif$/)
    expect($('desc').text()).toContain('新收政府信息公开申请120件')
    expect($('desc').text()).toContain('行政诉讼3件（纠正1件）')
    const texts = $('text')
      .toArray()
      .map((t) => $(t).text())
    expect(texts).toContain('120件')
    expect(texts).toContain('60件（50.8%）')
    expect(texts).toContain('4件（3.4%）')
    expect(texts).toContain('共4件，纠正1件')
    expect(texts).toContain('170件')
    // The outcome bars scale to the largest: 予以公开 is the full 560, 不予处理 a tenth of it.
    const bars = $('rect[fill="#1f4e79"][height="20"]').first()
    expect(bars.attr('width')).toBe('560')
    expect($('rect[fill="#d68910"][height="20"]').first().attr('width')).toBe('56')
  })

  it('draws no NaN or negative sizes for a year with no applications at all', () => {
    const svg = renderInfographicSvg(infographicData('空机构', 2025, report({}), []))
    expect(svg).not.toMatch(/NaN|Infinity/)
    const $ = load(svg)
    for (const r of $('rect').toArray()) {
      expect(Number($(r).attr('width'))).toBeGreaterThanOrEqual(0)
      expect(Number($(r).attr('height'))).toBeGreaterThanOrEqual(0)
    }
    expect(
      $('text')
        .toArray()
        .map((t) => $(t).text()),
    ).toContain('0件（—）')
  })

  it('formats numbers and axis steps', () => {
    expect(formatCount(12)).toBe('12')
    expect(formatCount(1.5)).toBe('1.50')
    expect(formatCount(Number.NaN)).toBe('0')
    expect(formatPercent(1, 3)).toBe('33.3%')
    expect(formatPercent(0, 0)).toBe('—')
    expect(niceScale(0)).toEqual({ top: 4, step: 1 })
    expect(niceScale(3)).toEqual({ top: 3, step: 1 })
    expect(niceScale(120)).toEqual({ top: 150, step: 50 })
    expect(niceScale(1234)).toEqual({ top: 1500, step: 500 })
  })
})
