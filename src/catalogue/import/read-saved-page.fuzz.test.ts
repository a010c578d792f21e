// Saved pages come from anywhere: cut, mangled or hostile input must give a SavedPage, never an exception, and
// the body must stay inside the safe subset.
import { readFileSync } from 'node:fs'
import { load } from 'cheerio/slim'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UNEXPECTED_PROBLEM, readSavedPage } from './read-saved-page.ts'
import type { SavedPage } from './saved-page.ts'

const SEED = readFileSync(
  new URL('../../annual-report/fixtures/seed-tianshuijun-2021.txt', import.meta.url),
  'utf8',
)
const GOV_PAGE = readFileSync(new URL('./fixtures/qinzhou-policy-page.html', import.meta.url), 'utf8')

const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<table><tr><td rowspan="99999">',
  '</div></div>',
  '索引号：',
  '发布日期：2021年13月',
  '【下载Word】',
  '浏览次数：',
  '\u0000',
  '\ufffd',
  '<!--',
  ']]>',
  '<p>',
  '一、',
  '\n\n',
  '　　',
  '&#x3c;script&#x3e;',
]

function checkShape(page: SavedPage): void {
  expect(page.problems.some((p) => p.startsWith(UNEXPECTED_PROBLEM))).toBe(false)
  for (const key of ['title', 'indexNumber', 'publisher', 'publishedOn', 'writtenOn'] as const) {
    const v = page[key]
    expect(v === null || typeof v === 'string').toBe(true)
  }
  for (const date of [page.publishedOn, page.writtenOn]) {
    if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  }
  // Parsed as a browser would: only safe elements and attributes, links only to http(s) and mailto.
  const $ = load(page.bodyHtml)
  for (const el of $('body *').toArray()) {
    expect(SAFE_TAGS.has(el.tagName)).toBe(true)
    for (const [name, value] of Object.entries(el.attribs)) {
      expect(['href', 'colspan', 'rowspan', 'scope']).toContain(name)
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i)
    }
  }
}

const SAFE_TAGS = new Set(
  'p br h2 h3 h4 strong em u ul ol li a table caption thead tbody tfoot tr th td'.split(' '),
)

/** A document with a slice cut out and fragments inserted at random places. */
const mutated = (source: string) =>
  fc
    .tuple(
      fc.nat({ max: source.length }),
      fc.nat({ max: 2000 }),
      fc.array(fc.tuple(fc.nat({ max: source.length }), fc.constantFrom(...FRAGMENTS)), { maxLength: 6 }),
    )
    .map(([at, cut, inserts]) => {
      let text = source.slice(0, at) + source.slice(at + cut)
      for (const [pos, fragment] of inserts) text = text.slice(0, pos) + fragment + text.slice(pos)
      return text
    })

// Generous: the machine running the suite may be shared and loaded; these bound hangs, not speed.
describe('readSavedPage never throws', { timeout: 120_000 }, () => {
  it('on every truncation of the seed and of the HTML page (every 193rd / 401st length)', () => {
    for (let n = 0; n <= SEED.length; n += 193) checkShape(readSavedPage(SEED.slice(0, n), 'seed.txt'))
    for (let n = 0; n <= GOV_PAGE.length; n += 401) {
      checkShape(readSavedPage(GOV_PAGE.slice(0, n), 'page.html'))
    }
  })

  it('on mutated pages (cuts and hostile fragments)', () => {
    fc.assert(
      fc.property(mutated(SEED), (text) => checkShape(readSavedPage(text, 'seed.txt'))),
      { numRuns: 40 },
    )
    fc.assert(
      fc.property(mutated(GOV_PAGE), (text) => checkShape(readSavedPage(text, 'page.html'))),
      { numRuns: 40 },
    )
  })

  it('on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => checkShape(readSavedPage(text, 'x.txt'))),
      { numRuns: 150 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) =>
        checkShape(readSavedPage(Buffer.from(bytes), 'x.html')),
      ),
      { numRuns: 150 },
    )
  })
})
