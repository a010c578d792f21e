import { describe, expect, it } from 'vitest'
import { DomainError } from '../shared/domain-error.ts'
import { DEFAULT_INDEX_PATTERN, formatIndexNumber, indexPeriod, parseIndexPattern } from './index-number.ts'

const CREDIT = '11370900004341590P'
const codes = { creditCode: CREDIT, orgCode: null }

describe('index number schemes (政府信息公开目录系统实施指引; format-and-law.md §8)', () => {
  it('formats the national default as <code>/<year>-<5-digit serial>', () => {
    const scheme = parseIndexPattern(DEFAULT_INDEX_PATTERN)
    expect(formatIndexNumber(scheme, { codes, publishedOn: '2017-06-30', serial: 150 })).toBe(
      '11370900004341590P/2017-00150',
    )
    // The default accepted shape of §8.2.
    expect(formatIndexNumber(scheme, { codes, publishedOn: '2026-01-02', serial: 1 })).toMatch(
      /^([0-9A-Z]{9}|[0-9A-Z]{18})\/\d{4}(\d{2})?-\d{5,}$/,
    )
  })

  it('falls back to the organisation code, given or taken from characters 9–17 of the credit code', () => {
    const org = parseIndexPattern('{orgCode}/{year}-{serial:5}')
    expect(formatIndexNumber(org, { codes, publishedOn: '2018-01-01', serial: 222 })).toBe(
      '004341590/2018-00222',
    )
    const code = parseIndexPattern(DEFAULT_INDEX_PATTERN)
    const noCredit = { creditCode: null, orgCode: '00001433-8' }
    expect(formatIndexNumber(code, { codes: noCredit, publishedOn: '2018-01-01', serial: 222 })).toBe(
      '000014338/2018-00222',
    )
  })

  it('supports local shapes: year-month serials, hyphens, wider serials, mnemonic prefixes', () => {
    const monthly = parseIndexPattern('{creditCode}/{year}{month}-{serial:5}')
    expect(formatIndexNumber(monthly, { codes, publishedOn: '2021-10-09', serial: 13 })).toBe(
      '11370900004341590P/202110-00013',
    )
    expect(indexPeriod(monthly, '2021-10-09')).toBe('2021-10')
    const hyphen = parseIndexPattern('{orgCode}-{year}-{serial:6}')
    expect(formatIndexNumber(hyphen, { codes, publishedOn: '2020-05-01', serial: 153077 })).toBe(
      '004341590-2020-153077',
    )
    const mnemonic = parseIndexPattern('tongjiju/{year}-{serial:5}')
    expect(formatIndexNumber(mnemonic, { codes, publishedOn: '2023-01-01', serial: 75 })).toBe(
      'tongjiju/2023-00075',
    )
    expect(indexPeriod(mnemonic, '2023-01-01')).toBe('2023')
    expect(indexPeriod(parseIndexPattern('X{serial:8}'), '2023-01-01')).toBe('all')
  })

  it('never truncates a serial wider than its padding', () => {
    const scheme = parseIndexPattern(DEFAULT_INDEX_PATTERN)
    expect(formatIndexNumber(scheme, { codes, publishedOn: '2026-01-01', serial: 123456 })).toBe(
      `${CREDIT}/2026-123456`,
    )
  })

  it.each([
    ['{code}/{year}', '流水号'],
    ['{serial:5}{serial:5}', '流水号'],
    ['{code}/{yaer}-{serial:5}', '未知的占位符'],
    ['{code}/{year}-{serial:0}', '未知的占位符'],
    ['{code} {serial:5}', '只能包含'],
    ['<script>{serial:5}', '只能包含'],
    ['{code/{serial:5}', '花括号'],
  ])('refuses the pattern %s', (pattern, message) => {
    expect(() => parseIndexPattern(pattern)).toThrow(DomainError)
    expect(() => parseIndexPattern(pattern)).toThrow(message)
  })

  it('refuses to number an item for an agency without the code the pattern needs', () => {
    const scheme = parseIndexPattern('{creditCode}/{year}-{serial:5}')
    const none = { creditCode: null, orgCode: '00001433-8' }
    expect(() => formatIndexNumber(scheme, { codes: none, publishedOn: '2026-01-01', serial: 1 })).toThrow(
      /统一社会信用代码/,
    )
  })
})
