// PostgreSQL: search_title_grams, the newest title match each gram can have, where the title tier of a search
// starts collecting (src/search/search-postgres.queries.ts).
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { firstPage, searchIds, withRangeCollection } from '../../test/search-test-kit.ts'
import { describeDb, TEST_ENGINE, useTestDb } from '../../test/create-test-db.ts'
import type { DB } from '../storage/index.ts'
import { MIGRATIONS } from '../storage/migrate.ts'
import { gramSet } from './grams.ts'
import { indexDocuments, removeDocument } from './index.ts'
import type { SearchDocument } from './index.ts'
import { normalizeText } from './normalize.ts'
import { sampleDocument, seededRandom } from './sample-corpus.ts'
import { substringScan } from './substring-scan.ts'

const pgOnly = it.skipIf(TEST_ENGINE !== 'postgres')

async function storedBounds(db: DB): Promise<Map<string, number>> {
  const { rows } = await sql<{ gram: string; k: string }>`select gram, newest_rank_key as k
    from search_title_grams`.execute(db)
  return new Map(rows.map((r) => [r.gram, Number(r.k)]))
}

/** Each gram of the live documents' titles with the newest rank key of a title holding it. */
async function expectedBounds(db: DB): Promise<Map<string, number>> {
  const docs = await db.selectFrom('search_documents').select(['title', 'rank_key']).execute()
  const out = new Map<string, number>()
  for (const d of docs) {
    for (const g of gramSet(normalizeText(d.title))) out.set(g, Math.max(out.get(g) ?? 0, Number(d.rank_key)))
  }
  return out
}

describeDb('the newest title match of each gram (PostgreSQL)', () => {
  const t = useTestDb()
  const rand = seededRandom(20261128)
  const corpus: SearchDocument[] = []

  beforeAll(async () => {
    // Titles with the years 2015–2017 published in those years, then many newer documents whose titles have
    // no year: a search for "2016" finds its title matches years behind the newest documents.
    for (let id = 1; id <= 60; id++) {
      const year = 2015 + (id % 3)
      corpus.push({
        ...sampleDocument(id, rand, 5),
        title: `关于${year}年度预算公开的通知`,
        body: '正文',
        year,
        publishedAt: new Date(Date.UTC(year, id % 12, 1 + (id % 28))).toISOString(),
      })
    }
    for (let id = 61; id <= 400; id++) {
      const d = sampleDocument(id, rand, 5)
      corpus.push({
        ...d,
        title: d.title.replace(/\d/g, ''),
        body: `${d.body} 2016年度`,
        publishedAt: new Date(Date.UTC(2020 + (id % 5), id % 12, 1 + (id % 28))).toISOString(),
      })
    }
    // Odd titles: blanks, Latin, a character outside the BMP.
    corpus.push({
      ...corpus[0],
      id: 401,
      title: 'GK 2016 𠀀年 报',
      publishedAt: '2016-06-30T00:00:00.000Z',
    } as SearchDocument)
    await indexDocuments(t.db, corpus)
  }, 120_000)

  pgOnly('hold, for every gram of every title, the newest rank key of a title holding it', async () => {
    expect(await storedBounds(t.db)).toEqual(await expectedBounds(t.db))
  })

  pgOnly('stay an upper bound when documents are removed, and rise with a newer title', async () => {
    const before = await storedBounds(t.db)
    await removeDocument(t.db, 401)
    const after = await storedBounds(t.db)
    expect(after).toEqual(before)
    for (const [gram, k] of await expectedBounds(t.db)) expect(after.get(gram)).toBeGreaterThanOrEqual(k)
    const newer = {
      ...corpus[0],
      id: 402,
      title: '𠀀年 报',
      publishedAt: '2026-01-02T00:00:00.000Z',
    } as SearchDocument
    await indexDocuments(t.db, [newer])
    const raised = await storedBounds(t.db)
    const [k] = (
      await sql<{ k: string }>`select rank_key as k from search_documents where id = 402`.execute(t.db)
    ).rows
    expect(raised.get('𠀀')).toBe(Number(k?.k))
    expect(raised.get('年报')).toBe(before.get('年报'))
    await removeDocument(t.db, 402)
    await indexDocuments(t.db, [corpus[corpus.length - 1] as SearchDocument])
  })

  pgOnly('are what the migration computes from the documents already indexed', async () => {
    const migration = MIGRATIONS['2026_11_28_0100_search_title_gram_bounds']
    await migration?.down?.(t.db)
    await migration?.up(t.db)
    expect(await storedBounds(t.db)).toEqual(await expectedBounds(t.db))
  })

  it('find title matches lying years behind the newest documents, newest first, as a substring scan does', async () => {
    await withRangeCollection(t.db, async () => {
      for (const text of ['2016', '2016年度', '16年', '预算 2017', '𠀀年', 'GK', '年度 公开', '没有这个词']) {
        for (const q of [{ text }, { text, year: 2016 }, { text, agencyIds: [1, 2] }]) {
          const expected = substringScan(corpus, q)
          expect({ q, ids: await searchIds(t.db, q) }).toEqual({ q, ids: expected })
          expect({ q, ids: await firstPage(t.db, q) }).toEqual({ q, ids: expected.slice(0, 20) })
        }
      }
    })
  })
})
