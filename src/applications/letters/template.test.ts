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

  it('the remedy cites 条例第五十一条 with 60 days for 复议 and 6 months for 诉讼, counted from knowing', () => {
    const text = remedyStatement('示例市人民政府', 'disclosed')
    expect(text).toContain('自知道本答复之日起60日内向示例市人民政府申请行政复议')
    expect(text).toContain('自知道本答复之日起6个月内依法向人民法院提起行政诉讼')
    expect(text).toContain('第五十一条')
    expect(text).toContain('行政复议法》第二十条第一款')
    expect(text).toContain('行政诉讼法》第四十六条第一款')
    expect(text).not.toContain('自收到本答复之日起')
  })

  it('a refusal (不予公开, and the withheld part of 部分公开) goes to 行政复议 first (行政复议法第二十三条第一款第（四）项)', () => {
    for (const answerType of ['withheld_state_secret', 'partially_disclosed'] as const) {
      const text = remedyStatement(null, answerType)
      expect(text).toContain('60日内向有管辖权的行政复议机关申请行政复议；对行政复议决定不服的')
      expect(text).toContain('第二十三条第一款第（四）项')
      expect(text).toContain('行政诉讼法》第四十五条')
      expect(text).not.toContain('6个月')
    }
  })
})
