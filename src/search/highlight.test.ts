import { describe, expect, it } from 'vitest'
import { highlight, snippet } from './highlight.ts'

describe('highlight', () => {
  it('escapes HTML and marks every occurrence, merging overlaps', () => {
    expect(highlight('<a>城区城区</a> & "区"', ['城区', '区城'])).toBe(
      '&lt;a&gt;<mark>城区城区</mark>&lt;/a&gt; &amp; &quot;区&quot;',
    )
  })

  it('marks the original characters of a full-width match', () => {
    expect(highlight('文号ＡＢＣ１２３号', ['abc123'])).toBe('文号<mark>ＡＢＣ１２３</mark>号')
  })
})

describe('snippet', () => {
  const body = '前'.repeat(200) + '关键词' + '后'.repeat(200)

  it('shows the text around the first hit, cut with …', () => {
    const s = snippet(body, ['关键词'], 40)
    expect(s.startsWith('…')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
    expect(s).toContain('<mark>关键词</mark>')
  })

  it('starts at the beginning when nothing in the body matches', () => {
    expect(snippet('短正文<b>', ['标题'], 40)).toBe('短正文&lt;b&gt;')
  })
})
