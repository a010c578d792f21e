// The published 年报 item links to its 图解 page on the portal, and the link survives the catalogue's sanitiser
// (what the item page shows is the sanitised body).
import * as cheerio from 'cheerio'
import { expect, it } from 'vitest'
import { sanitizeBodyHtml } from '../../catalogue/index.ts'
import { infographicPath, reportItemBodyHtml } from './operations/publish-report.ts'

it('links the published report item to the year’s 图解 page, after the report and before the versions', () => {
  const body = sanitizeBodyHtml(
    reportItemBodyHtml('<h2>一、总体情况</h2><p>正文</p>', 42, 2025, [
      { version: 1, publishedAt: '2026-01-20T02:00:00.000Z', changeNote: null, contentHash: 'ab'.repeat(32) },
    ]),
  )
  const $ = cheerio.load(body)
  const link = $('a').filter((_, a) => $(a).text().includes('图解'))
  expect(link).toHaveLength(1)
  expect(link.attr('href')).toBe('/zfxxgk/42/tujie/2025.html')
  expect(infographicPath(42, 2025)).toBe('/zfxxgk/42/tujie/2025.html')
  expect(link.text()).toBe('查看2025年度报告图解')
  const text = $.root().text()
  expect(text.indexOf('正文')).toBeLessThan(text.indexOf('图解'))
  expect(text.indexOf('图解')).toBeLessThan(text.indexOf('版本记录'))
})
