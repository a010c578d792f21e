import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, indexPrefixCode, isValidCreditCode, isValidOrgCode } from './credit-code.ts'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes, including one ending in a letter', () => {
    // 泰安市财政局 (a 索引号 prefix in format-and-law.md §8) and two enterprises' published codes.
    for (const code of ['11370900004341590P', '9144030071526726XG', '91110000600037341L']) {
      expect(isValidCreditCode(code), code).toBe(true)
    }
  })

  it('rejects a wrong check character, a wrong length, lower case and excluded letters (I O Z S V)', () => {
    expect(isValidCreditCode('11370900004341590Q')).toBe(false)
    expect(isValidCreditCode('11370900004341590')).toBe(false)
    expect(isValidCreditCode('11370900004341590p')).toBe(false)
    expect(isValidCreditCode('1137090000434159OP')).toBe(false)
    expect(creditCodeCheckChar('1137090000434159S')).toBeNull()
  })

  it('writes the check value 31 as 0 (a body whose weighted sum is divisible by 31)', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    const weightedSum = (body: string) =>
      [...body].reduce((sum, ch, i) => sum + charset.indexOf(ch) * (3 ** i % 31), 0)
    const body = Array.from({ length: 1000 }, (_, n) => `91350100M0001${String(n).padStart(4, '0')}`).find(
      (b) => weightedSum(b) % 31 === 0,
    )
    expect(body).toBeDefined()
    expect(creditCodeCheckChar(body ?? '')).toBe('0')
  })
})

describe('组织机构代码 (GB 11714-1997)', () => {
  it('accepts the organisation code inside a valid credit code, with or without the hyphen', () => {
    expect(isValidOrgCode('004341590')).toBe(true)
    expect(isValidOrgCode('00434159-0')).toBe(true)
    expect(isValidOrgCode('71526726X')).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(isValidOrgCode('004341591')).toBe(false)
  })

  it('gives the 索引号 prefix from the organisation code or from characters 9–17 of the credit code', () => {
    expect(indexPrefixCode({ creditCode: '11370900004341590P', orgCode: null })).toBe('004341590')
    expect(indexPrefixCode({ creditCode: null, orgCode: '00434159-0' })).toBe('004341590')
    expect(indexPrefixCode({ creditCode: null, orgCode: null })).toBeNull()
  })
})
