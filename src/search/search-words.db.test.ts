import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { firstPage, searchIds, withRangeCollection } from '../../test/search-test-kit.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { indexDocuments } from './index.ts'
import type { SearchDocument } from './index.ts'
import { substringScan as scan } from './substring-scan.ts'
import { sampleDocument, seededRandom } from './sample-corpus.ts'

// Words of three or more characters against texts built so that a word's bigrams are present without the
// word: the same pieces across a blank, in another order, or split between title and body; digits inside
// Chinese text (years, serial numbers); private-use characters like those of PostgreSQL's private lexemes.
// (Kept from an experiment with trigram lexemes on PostgreSQL, measured and reverted: docs/deploy.md §5.)

const FILTER_LIKE = '\uE001a5'

const texts: [title: string, body: string][] = [
  ['甲乙丙丁', '正文'],
  ['甲乙丙 乙丙丁', '正文'],
  ['乙丙丁甲乙丙', '正文'],
  ['甲乙', '丙丁'],
  ['财政局2017年度预算公开', '截至2017年底，累计投入资金12017万元。'],
  ['财政局2018年度预算公开', '联系电话：0938-20170，见局201号文件。'],
  ['关于2019年工作的通知', '天政发〔2019〕17号，自2019年1月1日起施行。'],
  ['统计公报', '2 017 年 20 17年'],
  ['私用字符', `编码${FILTER_LIKE}7与\uE000甲乙丙`],
  ['年度报告', '局2017年，7年，17年，2017年度，局201'],
]

const QUERIES = [
  '甲乙丙丁',
  '甲乙丙',
  '乙丙丁',
  '丙丁甲',
  '乙丙丁甲乙',
  '甲乙丙乙',
  '甲',
  '丙丁',
  '2017',
  '017',
  '201',
  '局201',
  '局2017年',
  '17年',
  '7年',
  '2017年度',
  '12017万',
  '〔2019〕17号',
  '20170',
  '0 17',
  FILTER_LIKE,
  `${FILTER_LIKE}7`,
  '\uE000甲乙',
  '甲乙 丙丁',
]

describeDb('search of words of three or more characters whose pieces occur apart', () => {
  const t = useTestDb()
  const rand = seededRandom(20261129)
  const corpus: SearchDocument[] = []

  beforeAll(async () => {
    texts.forEach(([title, body], i) => {
      corpus.push({
        ...sampleDocument(1 + i, rand, 9),
        agencyId: 7,
        title,
        body,
        docNumber: '',
        indexNumber: '',
        publishedAt: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(),
      })
    })
    // More body matches of 甲 than one count-limited page holds, older than the texts above: the title tier
    // of 甲 is then searched on its own, and the body of document 70 holds the title term of 甲 ("\uE000甲").
    for (let id = 40; id < 70; id++) {
      corpus.push({
        ...sampleDocument(id, rand, 9),
        agencyId: 7,
        title: '通知',
        body: `甲方第${id}号`,
        publishedAt: new Date(Date.UTC(2019, 0, 1 + id)).toISOString(),
      })
    }
    corpus.push({
      ...sampleDocument(70, rand, 9),
      agencyId: 7,
      title: '公告',
      body: `附\uE000甲`,
      publishedAt: new Date(Date.UTC(2019, 11, 31)).toISOString(),
    })
    // A background of generated documents, older than the ones above.
    for (let id = 100; id < 400; id++) {
      const d = sampleDocument(id, rand, 9)
      corpus.push({ ...d, publishedAt: `${d.year - 10}${d.publishedAt.slice(4)}` })
    }
    await indexDocuments(t.db, corpus)
  }, 120_000)

  it('finds exactly the documents containing the word, not those holding its pieces apart (digits inside Chinese text too)', async () => {
    for (const text of QUERIES) {
      expect({ text, ids: await searchIds(t.db, { text }) }).toEqual({ text, ids: scan(corpus, { text }) })
    }
  })

  it('finds the same once statistics call the grams frequent, collecting the newest matches first', async () => {
    await withRangeCollection(t.db, async () => {
      for (const text of [...QUERIES, '201 局', '年度 2017']) {
        for (const q of [{ text }, { text, year: 2017 }, { text, agencyIds: [7] }]) {
          const expected = scan(corpus, q)
          expect({ q, ids: await searchIds(t.db, q) }).toEqual({ q, ids: expected })
          expect({ q, ids: await firstPage(t.db, q) }).toEqual({ q, ids: expected.slice(0, 20) })
        }
      }
    })
  })

  it('keeps a text that looks like a private lexeme out of the filters (PostgreSQL)', async () => {
    // The document holding "\uE001a5" is agency 7's: the agency-5 filter must not find it.
    expect(await searchIds(t.db, { text: '编码', agencyIds: [5] })).toEqual(
      scan(corpus, { text: '编码', agencyIds: [5] }),
    )
    expect(await searchIds(t.db, { text: '编码', agencyIds: [5] })).toEqual([])
    if (t.engine !== 'postgres') return
    const { rows } = await sql<{ l: string[] }>`select tsvector_to_array(grams) as l from search_documents
      where id = 9`.execute(t.db)
    const lexemes = new Set(rows[0]?.l)
    expect(lexemes.has('\uE001a7')).toBe(true)
    expect(lexemes.has(FILTER_LIKE)).toBe(false)
  })
})
