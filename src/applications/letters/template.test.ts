import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from './default-templates.ts'
import { answerLetterKind, LETTER_KINDS } from './letter-kinds.ts'
import { remedyStatement } from './remedy.ts'
import { escapeHtml, fillTemplate, unknownPlaceholders } from './template.ts'

describe('letter templates', () => {
  it('substitutes in one pass: a value is never read as a template', () => {
    expect(
      fillTemplate('{{applicantName}}：{{reasons}}', { applicantName: '{{number}}', reasons: 'x' }),
    ).toBe('{{number}}：x')
  })

  it('keeps an escaped \\{{ literal, leaves unknown names and empties missing values', () => {
    expect(fillTemplate('\\{{number}} {{nope}} [{{reasons}}]', {})).toBe('{{number}} {{nope}} []')
  })

  it('escapes values for HTML previews and strips control characters', () => {
    expect(fillTemplate('<p>{{applicantName}}</p>', { applicantName: '<script>&"' }, escapeHtml)).toBe(
      '<p>&lt;script&gt;&amp;&quot;</p>',
    )
    expect(fillTemplate('{{reasons}}', { reasons: 'a\u0000b\u0007c' })).toBe('abc')
  })

  it('finds unknown placeholders; every shipped default uses known ones only', () => {
    expect(unknownPlaceholders('{{applicantName}} {{salary}} {{ number }}')).toEqual(['salary'])
    for (const kind of LETTER_KINDS) {
      const t = DEFAULT_TEMPLATES[kind]
      expect(unknownPlaceholders(`${t.title}\n${t.body}`), kind).toEqual([])
    }
  })

  it('answer letters carry the legal basis and the remedy; each answer type has its template', () => {
    for (const kind of LETTER_KINDS.filter((k) => k.startsWith('answer_'))) {
      expect(DEFAULT_TEMPLATES[kind].body).toContain('{{legalBasis}}')
      expect(DEFAULT_TEMPLATES[kind].body).toContain('{{remedy}}')
    }
    expect(answerLetterKind('partially_disclosed')).toBe('answer_partial')
    expect(answerLetterKind('withheld_state_secret')).toBe('answer_withheld')
    expect(answerLetterKind('not_held')).toBe('answer_unable')
    expect(answerLetterKind('repeated')).toBe('answer_not_processed')
    expect(answerLetterKind('withdrawn')).toBe('answer_other')
  })

  it('the remedy cites 条例第五十一条 with 60 days for 复议 and 6 months for 诉讼', () => {
    const text = remedyStatement('示例市人民政府')
    expect(text).toContain('60日内向示例市人民政府申请行政复议')
    expect(text).toContain('6个月内')
    expect(text).toContain('第五十一条')
  })
})
