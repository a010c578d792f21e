import { describe, expect, it } from 'vitest'
import { defaultColumnSpecs, defaultLocalExtras } from './default-columns.ts'
import { DEFAULT_TOPICS, findTopic, matchTopicLabel, TopicVocabularySchema } from './topic-vocabulary.ts'

describe('主题分类', () => {
  it('resolves the labels observed on gov.cn pages (format-and-law.md §8.3)', () => {
    const labels = DEFAULT_TOPICS.flatMap((t) => [t, ...(t.children ?? [])]).map(
      (t) => findTopic(DEFAULT_TOPICS, t.code)?.label,
    )
    expect(labels).toEqual(
      expect.arrayContaining([
        '综合政务\\政务公开',
        '商贸、海关、旅游',
        '民政、乡村振兴、救灾',
        '卫生、体育\\医药管理',
      ]),
    )
    expect(findTopic(DEFAULT_TOPICS, '99.99')).toBeUndefined()
  })

  it('accepts the default list as a custom vocabulary and refuses duplicate or misplaced codes', () => {
    expect(TopicVocabularySchema.safeParse(DEFAULT_TOPICS).success).toBe(true)
    expect(
      TopicVocabularySchema.safeParse([
        { code: 'A', name: '甲' },
        { code: 'A', name: '乙' },
      ]).success,
    ).toBe(false)
    expect(
      TopicVocabularySchema.safeParse([{ code: 'A', name: '甲', children: [{ code: 'B.1', name: '子' }] }])
        .success,
    ).toBe(false)
    expect(TopicVocabularySchema.safeParse([]).success).toBe(false)
  })
})

describe('default columns', () => {
  it('cover every item of 条例 第二十条 with unique ASCII slugs, plus 第二十一条 by agency kind', () => {
    for (const extras of ['city_county', 'township', 'none'] as const) {
      const specs = defaultColumnSpecs(extras)
      const all = specs.flatMap((s) => [s, ...(s.children ?? [])])
      expect(new Set(all.map((s) => s.slug)).size).toBe(all.length)
      for (const s of all) expect(s.slug).toMatch(/^[a-z][a-z0-9-]*$/)
    }
    const statutory = (extras: 'city_county' | 'township' | 'none') =>
      defaultColumnSpecs(extras)[2]?.children?.map((c) => c.slug) ?? []
    expect(statutory('none')).toHaveLength(17)
    expect(statutory('city_county')).toEqual(expect.arrayContaining(['public-order', 'social-assistance']))
    expect(statutory('township')).toEqual(expect.arrayContaining(['homestead', 'fund-and-labour-raising']))
    expect(defaultLocalExtras('township')).toBe('township')
    expect(defaultLocalExtras('department')).toBe('city_county')
    expect(defaultLocalExtras('street_office')).toBe('none')
  })
})

describe('matchTopicLabel', () => {
  const label = (printed: string) => matchTopicLabel(DEFAULT_TOPICS, printed)?.label
  it('reads the two levels whatever separator the page printed', () => {
    expect(label('综合政务\\政务公开')).toBe('综合政务\\政务公开')
    expect(label('综合政务/其他')).toBe('综合政务\\其他')
    expect(label(' 卫生、体育 ＞ 医药管理 ')).toBe('卫生、体育\\医药管理')
    expect(label('民政、乡村振兴、救灾')).toBe('民政、乡村振兴、救灾')
  })
  it('accepts a second-level name alone only when it is unambiguous', () => {
    expect(label('医药管理')).toBe('卫生、体育\\医药管理')
    expect(label('其他')).toBe('其他')
    expect(label('政务公开')).toBe('综合政务\\政务公开')
  })
  it('gives nothing for names outside the vocabulary or a wrong pairing', () => {
    expect(label('不存在的分类')).toBeUndefined()
    expect(label('科技、教育/医药管理')).toBeUndefined()
    expect(label('a/b/c')).toBeUndefined()
    expect(label('')).toBeUndefined()
  })
})
