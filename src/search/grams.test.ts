import { describe, expect, it } from 'vitest'
import { gramSet, wordGrams } from './grams.ts'

describe('index terms', () => {
  it('are every character and bigram inside a word, never across a blank', () => {
    expect([...gramSet('城区 规划')].sort()).toEqual(['区', '城', '城区', '划', '规', '规划'].sort())
    expect(wordGrams('城区规划')).toEqual(['城区', '区规', '规划'])
  })
})
