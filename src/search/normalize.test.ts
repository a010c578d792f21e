import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { queryWords, normalizeText } from './normalize.ts'

describe('normalizeText', () => {
  it('folds full-width forms, the ideographic space and letter case', () => {
    expect(normalizeText('ＡＢＣ１２３（一）　Word〔2021〕')).toBe('abc123(一) word〔2021〕')
  })

  it('turns separators and control characters into spaces', () => {
    expect(normalizeText('甲\t乙\n丙\u200b丁\u00a0戊')).toBe('甲 乙 丙 丁 戊')
  })

  it('keeps the length, so offsets in the normalised text are offsets in the original', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeText(s).length === s.length))
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(s).length === s.length))
  })
})

describe('queryWords', () => {
  it('splits on blanks, drops duplicates and words inside longer ones', () => {
    expect(queryWords(' 城区　规划 区 规划 ＡＢ ')).toEqual(['城区', '规划', 'ab'])
  })
})
