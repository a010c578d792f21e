// Keeping PostgreSQL's search table in time order: a bulk load ends with it, and reorderSearchDocuments restores
// it after documents went in out of date order. Searches return the same before and after.
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { describeDb, TEST_ENGINE, useTestDb } from '../../test/create-test-db.ts'
import { searchIds, withRangeCollection } from '../../test/search-test-kit.ts'
import type { DB } from '../storage/index.ts'
import {
  beginBulkIndexing,
  finishBulkIndexing,
  indexDocuments,
  reorderSearchDocuments,
  searchDocumentsOrder,
} from './index.ts'
import type { SearchDocument } from './index.ts'
import { sampleDocument, seededRandom } from './sample-corpus.ts'
import { substringScan } from './substring-scan.ts'

const pgOnly = it.skipIf(TEST_ENGINE !== 'postgres')

/** Rank keys in the order the rows are stored (PostgreSQL's ctid). */
async function storedOrder(db: DB): Promise<number[]> {
  const { rows } = await sql<{ k: string }>`select rank_key as k from search_documents order by ctid`.execute(
    db,
  )
  return rows.map((r) => Number(r.k))
}

const ascending = (keys: readonly number[]) => [...keys].sort((a, b) => a - b)

/** Documents of 2016–2025 in shuffled date order. */
function shuffledDocuments(from: number, count: number, seed: number): SearchDocument[] {
  const rand = seededRandom(seed)
  const docs: SearchDocument[] = []
  for (let id = from; id < from + count; id++) {
    const d = sampleDocument(id, rand, 8)
    const year = 2016 + Math.floor(rand() * 10)
    const publishedAt = new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)))
    docs.push({ ...d, year, publishedAt: publishedAt.toISOString() })
  }
  return docs
}

const QUERIES = ['通知', '2019', '区 工作', '关于', '年度']

describeDb('the search table in time order', () => {
  const t = useTestDb()
  const corpus = shuffledDocuments(1, 600, 20261127)

  beforeAll(async () => {
    for (let i = 0; i < corpus.length; i += 100) await indexDocuments(t.db, corpus.slice(i, i + 100))
  })

  pgOnly('documents indexed out of date order are stored out of order, and reordering fixes it', async () => {
    await sql`analyze search_documents`.execute(t.db)
    const before = await searchDocumentsOrder(t.db)
    expect(before).not.toBeNull()
    expect(before as number).toBeLessThan(0.5)
    const stored = await storedOrder(t.db)
    expect(stored).not.toEqual(ascending(stored))

    const expected = new Map<string, number[]>()
    await withRangeCollection(t.db, async () => {
      for (const text of QUERIES) expected.set(text, await searchIds(t.db, { text }))
    })

    const result = await reorderSearchDocuments(t.db)
    expect(result.needed).toBe(true)
    expect(result.before).toBeCloseTo(before as number, 5)
    expect(result.after).toBeGreaterThan(0.99)
    const reordered = await storedOrder(t.db)
    expect(reordered).toEqual(ascending(stored))

    await withRangeCollection(t.db, async () => {
      for (const text of QUERIES) {
        const ids = await searchIds(t.db, { text })
        expect({ text, ids }).toEqual({ text, ids: expected.get(text) })
        expect(ids).toEqual(substringScan(corpus, { text }).slice(0, ids.length))
      }
    })
  })

  pgOnly('a bulk load ends with every document stored in rank-key order', async () => {
    await beginBulkIndexing(t.db)
    const more = shuffledDocuments(10_001, 300, 7)
    await indexDocuments(t.db, more)
    await finishBulkIndexing(t.db)
    const stored = await storedOrder(t.db)
    expect(stored).toHaveLength(corpus.length + more.length)
    expect(stored).toEqual(ascending(stored))
    expect(await searchDocumentsOrder(t.db)).toBeGreaterThan(0.99)
  })

  pgOnly('rows keep what a search reads, and put the body and the term vector out of line', async () => {
    const { rows } = await sql<{ attname: string; attstorage: string }>`select attname, attstorage
      from pg_attribute where attrelid = 'search_documents'::regclass
      and attname in ('norm_text', 'norm_title', 'body', 'grams')`.execute(t.db)
    expect(Object.fromEntries(rows.map((r) => [r.attname, r.attstorage]))).toEqual({
      norm_text: 'm',
      norm_title: 'm',
      body: 'x',
      grams: 'x',
    })
    // Heap bytes per row: the normalised text and small columns, not the body (nor the term vector) as well.
    const size = await sql<{ heap: number; text: number; body: number }>`select
        pg_relation_size('search_documents')::float / count(*) as heap,
        avg(octet_length(norm_text) + octet_length(norm_title))::float as text,
        avg(octet_length(body))::float as body
      from search_documents`.execute(t.db)
    const { heap, text, body } = size.rows[0] as { heap: number; text: number; body: number }
    expect(body).toBeGreaterThan(300)
    expect(heap).toBeLessThan(text + body / 2)
  })

  it.skipIf(TEST_ENGINE !== 'sqlite')('SQLite needs no reordering', async () => {
    expect(await reorderSearchDocuments(t.db)).toEqual({ needed: false, before: null, after: null })
    expect(await searchDocumentsOrder(t.db)).toBeNull()
  })
})
