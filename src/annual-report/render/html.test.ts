import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { FORMATS, type FormatKey } from '../formats/index.ts'
import { emptyReport } from '../model.ts'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { renderHtml } from './html.ts'

function tableOf(html: string, section: string) {
  const $ = cheerio.load(html)
  return { $, table: $(`section[aria-labelledby="report-${section}"] table`) }
}

const spanOf = (el: cheerio.Cheerio<never>, attr: 'rowspan' | 'colspan'): number =>
  Number(el.attr(attr) ?? '1')

describe('renderHtml', () => {
  it.each<[FormatKey, number]>([
    ['gov2021', 22],
    ['gov2019', 20],
  ])('merges 表三 (%s) as the national template: 三、本年度办理结果 over %i rows', (format, resultRows) => {
    const { $, table } = tableOf(renderHtml(buildConsistentReport(format, 1)), 's3_applications')
    const t3 = FORMATS[format].t3
    const cell = (text: string) =>
      table
        .find('th, td')
        .filter((_, el) => $(el).text() === text)
        .first() as cheerio.Cheerio<never>
    const corner = cell(t3.cornerNote)
    expect([spanOf(corner, 'colspan'), spanOf(corner, 'rowspan')]).toEqual([3, 3])
    expect(spanOf(cell('申请人情况'), 'colspan')).toBe(7)
    expect(spanOf(cell('法人或其他组织'), 'colspan')).toBe(5)
    expect(spanOf(cell('自然人'), 'rowspan')).toBe(2)
    expect(spanOf(cell('总计'), 'rowspan')).toBe(2)
    expect(spanOf(cell('三、本年度办理结果'), 'rowspan')).toBe(resultRows)
    expect(spanOf(cell('（三）不予公开'), 'rowspan')).toBe(8)
    expect(spanOf(cell('（四）无法提供'), 'rowspan')).toBe(3)
    expect(spanOf(cell('（五）不予处理'), 'rowspan')).toBe(5)
    expect(spanOf(cell('一、本年新收政府信息公开申请数量'), 'colspan')).toBe(3)
    expect(spanOf(cell('（一）予以公开'), 'colspan')).toBe(2)
    expect(spanOf(cell('（七）总计'), 'colspan')).toBe(2)
    if (format === 'gov2021') expect(spanOf(cell('（六）其他处理'), 'rowspan')).toBe(3)
    else expect(spanOf(cell('（六）其他处理'), 'colspan')).toBe(2)
    expect(table.find('thead tr')).toHaveLength(3)
    expect(table.find('tbody tr')).toHaveLength(t3.rows.length)
    // Every row covers the 10 grid columns: 3 label columns and 7 value columns.
    expect(table.find('tbody tr').first().children()).toHaveLength(1 + 7)
  })

  it('merges 表四 as 行政复议 5 | 行政诉讼 10 over three header rows and one data row', () => {
    const { $, table } = tableOf(renderHtml(buildConsistentReport('gov2021', 2)), 's4_review_litigation')
    const first = table.find('thead tr').first().children()
    expect(first.map((_, el) => `${$(el).text()}:${$(el).attr('colspan')}`).get()).toEqual([
      '行政复议:5',
      '行政诉讼:10',
    ])
    const second = table.find('thead tr').eq(1).children()
    expect(second.map((_, el) => $(el).attr('rowspan') ?? $(el).attr('colspan')).get()).toEqual([
      '2',
      '2',
      '2',
      '2',
      '2',
      '5',
      '5',
    ])
    expect(table.find('thead tr').eq(2).children()).toHaveLength(10)
    expect(table.find('tbody td')).toHaveLength(15)
  })

  it.each<FormatKey>(['gov2021', 'gov2019'])(
    'stacks 表二 (%s) as caption rows over 4 columns and 信息内容 header rows',
    (format) => {
      const { $, table } = tableOf(renderHtml(buildConsistentReport(format, 3)), 's2_proactive')
      const blocks = FORMATS[format].t2.blocks
      const captions = table.find('th[scope="colgroup"]')
      expect(captions.map((_, el) => $(el).text()).get()).toEqual(blocks.map((b) => b.caption))
      expect(captions.map((_, el) => $(el).attr('colspan')).get()).toEqual(blocks.map(() => '4'))
      expect(table.find('th').filter((_, el) => $(el).text() === '信息内容')).toHaveLength(blocks.length)
    },
  )

  it('labels every data cell with headers that exist, and marks header cells with scope', () => {
    const html = renderHtml(buildConsistentReport('gov2021', 4))
    const $ = cheerio.load(html)
    const ids = new Set(
      $('[id]')
        .map((_, el) => $(el).attr('id'))
        .get(),
    )
    const refs = $('td[headers], th[headers]')
      .map((_, el) => ($(el).attr('headers') ?? '').split(' '))
      .get()
    expect(refs.length).toBeGreaterThan(200)
    expect(refs.filter((r) => !ids.has(r))).toEqual([])
    expect($('th:not([scope])')).toHaveLength(0)
    expect($('table > caption')).toHaveLength(3)
    expect(
      $('td').filter(
        (_, el) => $(el).attr('headers') === undefined && $(el).text() !== FORMATS.gov2021.t3.cornerNote,
      ),
    ).toHaveLength(0)
  })

  it('prints the six section headings in order with their prose', () => {
    const report = buildConsistentReport('gov2021', 5)
    const $ = cheerio.load(renderHtml(report))
    expect(
      $('h2')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(FORMATS.gov2021.sections.map((s) => `${s.number}、${s.label}`))
    expect($('h1').text()).toBe(report.title)
    expect($('section').eq(4).find('p').text()).toBe(report.sections.s5_problems)
  })

  it('escapes a <script> agency name and section text', () => {
    const report = {
      ...buildConsistentReport('gov2021', 6),
      title: null,
      agency: '<script>alert("x")</script>局',
    }
    report.sections = { ...report.sections, s6_other: 'a & b <img src=x onerror=alert(1)>' }
    const html = renderHtml(report, { standalone: true })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;局')
    expect(cheerio.load(html)('h1').text()).toContain('<script>alert("x")</script>局')
  })

  it('prints a blank cell as an empty cell and 0 as 0', () => {
    const report = buildConsistentReport('gov2021', 7)
    report.cells['t3.granted.commercial_enterprise'] = 0
    delete report.cells['t3.granted.research_institution']
    report.blank = ['t3.granted.research_institution']
    const { $, table } = tableOf(renderHtml(report), 's3_applications')
    const granted = table
      .find('tbody tr')
      .filter((_, el) => $(el).find('th').last().text() === '（一）予以公开')
    const values = granted
      .find('td')
      .map((_, el) => $(el).text())
      .get()
    expect(values[1]).toBe('0')
    expect(values[2]).toBe('')
  })

  it('prints a report with no format or year on the current format, every cell empty', () => {
    const $ = cheerio.load(renderHtml(emptyReport()))
    expect($('article').attr('data-format')).toBe('gov2021')
    expect($('h1').text()).toBe('政府信息公开工作年度报告')
    expect(
      $('td').filter((_, el) => $(el).text() !== '' && $(el).text() !== FORMATS.gov2021.t3.cornerNote),
    ).toHaveLength(0)
  })

  it('gives a standalone page a document shell with lang, charset and title', () => {
    const report = buildConsistentReport('gov2019', 8)
    const html = renderHtml(report, { standalone: true })
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(`<title>${report.title ?? ''}</title>`)
    expect(renderHtml(report)).not.toContain('<html')
  })
})
