import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { DomainError } from '../shared/domain-error.ts'
import * as privateLexemes from '../storage/migrations/2026_11_27_1300_search_private_lexemes.ts'
import {
  beginBulkIndexing,
  finishBulkIndexing,
  indexDocument,
  indexDocuments,
  removeDocument,
  SEARCH_COUNT_CAP,
  searchDocuments,
} from './index.ts'
import type { SearchDocument, SearchHit, SearchQuery } from './index.ts'
import { substringScan as scan } from './substring-scan.ts'
import { forgetTermFrequencies, postgresSearchTuning } from './search-postgres.queries.ts'
import { withRangeCollection } from '../../test/search-test-kit.ts'
import { sampleDocument, seededRandom } from './sample-corpus.ts'

const CORPUS_SIZE = 1200
const AGENCIES = 90

/** Every page; pages end at SEARCH_COUNT_CAP, and a capped total says so. */
async function searchAll(
  db: Parameters<typeof searchDocuments>[0],
  q: Omit<SearchQuery, 'limit' | 'offset'>,
) {
  const hits: SearchHit[] = []
  let total = 0
  let more = false
  for (let offset = 0; offset < SEARCH_COUNT_CAP; offset += 100) {
    const page = await searchDocuments(db, { ...q, limit: 100, offset })
    total = page.total
    more = page.totalIsLowerBound
    hits.push(...page.hits)
    if (page.hits.length < 100) break
  }
  return { total, more, hits }
}

/** What searchAll should return for the scan's ids. */
function capped(ids: number[]) {
  const total = Math.min(ids.length, SEARCH_COUNT_CAP)
  return { total, more: ids.length > SEARCH_COUNT_CAP, ids: ids.slice(0, SEARCH_COUNT_CAP) }
}

/** A random substring of 1–4 characters of a random field of a random document (never across a blank). */
function randomWord(rand: () => number, corpus: readonly SearchDocument[], length: number): string {
  for (;;) {
    const d = corpus[Math.floor(rand() * corpus.length)] as SearchDocument
    const field = [d.title, d.body, d.docNumber, d.indexNumber][Math.floor(rand() * 4)] as string
    const chars = Array.from(field)
    if (chars.length < length) continue
    const at = Math.floor(rand() * (chars.length - length + 1))
    const word = chars.slice(at, at + length).join('')
    if (!/\s/.test(word)) return word
  }
}

describeDb('search', () => {
  const t = useTestDb()
  const rand = seededRandom(20261127)
  const corpus: SearchDocument[] = []

  beforeAll(async () => {
    for (let id = 1; id <= CORPUS_SIZE; id++) corpus.push(sampleDocument(id, rand, AGENCIES))
    // Documents that exercise normalisation and escaping.
    corpus.push({
      ...sampleDocument(CORPUS_SIZE + 1, rand, AGENCIES),
      title: '关于<script>alert("x")</script>的说明 & 其他',
      body: '正文含有 <b>标签</b> 与 ＡＢＣ１２３ 全角字符以及 Tab\tSeparated 与 “引号”',
    })
    corpus.push({
      ...sampleDocument(CORPUS_SIZE + 2, rand, AGENCIES),
      title: '半角 abc123 测试 ABC',
      body: '',
    })
    // Half one by one, half in batches: both paths build the same index.
    for (const d of corpus.slice(0, 300)) await indexDocument(t.db, d)
    for (let i = 300; i < corpus.length; i += 250) await indexDocuments(t.db, corpus.slice(i, i + 250))
  }, 300_000)

  it('finds exactly the documents a substring scan finds, in rank order (1–4 characters, words, 文号, 索引号)', async () => {
    const r = seededRandom(7)
    const queries = [
      '区',
      '〔2021〕',
      '天政发〔2019〕',
      'pdf/word',
      'GK-2020',
      'MB',
      '/2018-0',
      '乡村振兴 通知',
      '财政 预算 公告',
      'abc123',
      'ＡＢＣ',
      '“放管服”',
      '方案 2023',
    ]
    for (let i = 0; i < 40; i++) queries.push(randomWord(r, corpus, 1 + (i % 4)))
    for (let i = 0; i < 12; i++) {
      queries.push(`${randomWord(r, corpus, 2)} ${randomWord(r, corpus, 1 + (i % 3))}`)
    }
    for (const text of queries) {
      const { total, more, hits } = await searchAll(t.db, { text })
      const ids = hits.map((h) => h.id)
      expect({ text, total, more, ids }).toEqual({ text, ...capped(scan(corpus, { text })) })
    }
  }, 300_000)

  it('gives the same results once statistics call terms frequent (PostgreSQL collects the newest matches first)', async () => {
    await sql`analyze search_documents`.execute(t.db)
    if (t.engine === 'postgres') {
      forgetTermFrequencies(t.db)
      const { rows } = await sql<{
        n: number
      }>`select coalesce(array_length(most_common_elems::text::text[], 1), 0) as n
        from pg_stats where schemaname = current_schema() and tablename = 'search_documents' and attname = 'grams'`.execute(
        t.db,
      )
      expect(rows[0]?.n ?? 0).toBeGreaterThan(50)
    }
    const cases: Omit<SearchQuery, 'limit' | 'offset'>[] = [
      { text: '区' },
      { text: '的' },
      { text: '政' },
      { text: '工作' },
      { text: '通知' },
      { text: '人民政府' },
      { text: '通知 工作' },
      { text: '的 区 政' },
      { text: '的', year: 2021 },
      { text: '区', agencyIds: Array.from({ length: 70 }, (_, i) => i + 1) },
      { text: '工作', columnId: 3 },
      { text: '工作', agencyIds: [2, 4, 6, 8], year: 2019 },
      { text: '方案 2023' },
    ]
    // PostgreSQL collects the matches of frequent terms newest first by time buckets: on this small corpus
    // only when told to (fullMax 0), and as usual (every match at once).
    for (const fullMax of t.engine === 'postgres' ? [0, postgresSearchTuning.fullMax] : [0]) {
      const saved = postgresSearchTuning.fullMax
      postgresSearchTuning.fullMax = fullMax
      try {
        for (const q of cases) {
          const { total, more, hits } = await searchAll(t.db, q)
          expect({ fullMax, q, total, more, ids: hits.map((h) => h.id) }).toEqual({
            fullMax,
            q,
            ...capped(scan(corpus, q)),
          })
        }
      } finally {
        postgresSearchTuning.fullMax = saved
      }
    }
    // A capped count says so: the most frequent character is in more than SEARCH_COUNT_CAP documents.
    expect((await searchDocuments(t.db, { text: '的', limit: 20, offset: 0 })).totalIsLowerBound).toBe(
      scan(corpus, { text: '的' }).length > SEARCH_COUNT_CAP,
    )
  }, 300_000)

  it('applies the agency (few and many), column and year filters', async () => {
    const r = seededRandom(11)
    const many = Array.from({ length: 70 }, (_, i) => i + 1)
    const filters: Omit<SearchQuery, 'limit' | 'offset' | 'text'>[] = [
      { agencyIds: [3, 5, 8] },
      { agencyIds: many },
      { agencyIds: [] },
      { columnId: 4 },
      { year: 2021 },
      { agencyIds: many, columnId: 2, year: 2020 },
    ]
    for (const f of filters) {
      for (const text of ['政', randomWord(r, corpus, 2), randomWord(r, corpus, 3)]) {
        const { total, more, hits } = await searchAll(t.db, { text, ...f })
        const ids = hits.map((h) => h.id)
        expect({ text, f, total, more, ids }).toEqual({ text, f, ...capped(scan(corpus, { text, ...f })) })
      }
    }
  }, 300_000)

  it('ranks title hits above body hits, then newer first, and scores them 2 and 1', async () => {
    const { hits } = await searchAll(t.db, { text: '工作' })
    const scores = hits.map((h) => h.score)
    expect(scores).toContain(2)
    expect(scores).toContain(1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1] as SearchHit, hits[i] as SearchHit]
      if (a.score === b.score) expect(a.publishedAt >= b.publishedAt).toBe(true)
    }
  })

  it('escapes HTML in titles and snippets and marks the hits', async () => {
    const { hits } = await searchDocuments(t.db, { text: 'script', limit: 10, offset: 0 })
    expect(hits).toHaveLength(1)
    const hit = hits[0] as SearchHit
    expect(hit.titleHighlighted).toBe(
      '关于&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;的说明 &amp; 其他',
    )
    expect(hit.snippetHighlighted).toContain('&lt;b&gt;标签&lt;/b&gt;')
    expect(hit.snippetHighlighted).not.toContain('<b>')
    const full = await searchDocuments(t.db, { text: 'abc１２３', limit: 10, offset: 0 })
    expect(full.hits.map((h) => h.id).sort()).toEqual([CORPUS_SIZE + 1, CORPUS_SIZE + 2])
    const marked = full.hits.find((h) => h.id === CORPUS_SIZE + 1) as SearchHit
    expect(marked.snippetHighlighted).toContain('<mark>ＡＢＣ１２３</mark>')
  })

  it('replaces a document on re-indexing and forgets it on removal', async () => {
    const doc = {
      ...sampleDocument(900_001, rand, AGENCIES),
      title: '独一无二的标题甲乙丙',
      body: '旧正文丁戊己',
    }
    await indexDocument(t.db, doc)
    expect(
      (await searchDocuments(t.db, { text: '丁戊己', limit: 5, offset: 0 })).hits.map((h) => h.id),
    ).toEqual([900_001])
    await indexDocument(t.db, { ...doc, body: '新正文庚辛壬', publishedAt: '2026-01-01T00:00:00.000Z' })
    expect((await searchDocuments(t.db, { text: '丁戊己', limit: 5, offset: 0 })).total).toBe(0)
    const updated = await searchDocuments(t.db, { text: '庚辛壬 甲乙', limit: 5, offset: 0 })
    expect(updated.hits.map((h) => [h.id, h.publishedAt, h.score])).toEqual([
      [900_001, '2026-01-01T00:00:00.000Z', 1],
    ])
    await removeDocument(t.db, 900_001)
    expect((await searchDocuments(t.db, { text: '甲乙丙', limit: 5, offset: 0 })).total).toBe(0)
    await removeDocument(t.db, 900_001) // absent: nothing happens
  })

  it('keeps documents published at the same instant apart and in id order', async () => {
    const at = '2030-05-05T05:05:05.000Z'
    for (const id of [910_001, 910_002, 911_025]) {
      await indexDocument(t.db, {
        ...sampleDocument(id, rand, AGENCIES),
        title: '同一时刻发布',
        body: '',
        publishedAt: at,
      })
    }
    const { hits } = await searchDocuments(t.db, { text: '同一时刻', limit: 10, offset: 0 })
    expect(hits.map((h) => h.id).sort()).toEqual([910_001, 910_002, 911_025])
    // The same in one batch, where 920_001 and 921_025 (same low bits) also collide with each other.
    await indexDocuments(
      t.db,
      [920_001, 920_002, 921_025, 922_049].map((id) => ({
        ...sampleDocument(id, rand, AGENCIES),
        title: '同批同刻发布',
        body: '',
        publishedAt: at,
      })),
    )
    const batch = await searchDocuments(t.db, { text: '同批同刻', limit: 10, offset: 0 })
    expect(batch.hits.map((h) => h.id).sort()).toEqual([920_001, 920_002, 921_025, 922_049])
  })

  it('returns nothing for a blank query and refuses bad input with a domain error', async () => {
    expect(await searchDocuments(t.db, { text: '  　 ', limit: 10, offset: 0 })).toEqual({
      total: 0,
      totalIsLowerBound: false,
      hits: [],
    })
    await expect(searchDocuments(t.db, { text: '区', limit: 0, offset: 0 })).rejects.toBeInstanceOf(
      DomainError,
    )
    await expect(searchDocuments(t.db, { text: '区', limit: 10, offset: -1 })).rejects.toBeInstanceOf(
      DomainError,
    )
    await expect(
      indexDocument(t.db, { ...(corpus[0] as SearchDocument), publishedAt: 'yesterday' }),
    ).rejects.toBeInstanceOf(DomainError)
  })

  it('finds the same after a bulk load, whose index structures are built at the end', async () => {
    await beginBulkIndexing(t.db)
    const docs = [930_001, 930_002, 930_003].map((id, i) => ({
      ...sampleDocument(id, rand, AGENCIES),
      title: `批量载入第${'一二三'[i]}号`,
      body: '正文提到防汛抗旱',
    }))
    await indexDocuments(t.db, docs)
    // Searching still works while the structures are put off (PostgreSQL: without the GIN index).
    expect((await searchDocuments(t.db, { text: '批量载入', limit: 10, offset: 0 })).total).toBe(3)
    await finishBulkIndexing(t.db)
    await finishBulkIndexing(t.db) // nothing put off: harmless
    if (t.engine === 'postgres') {
      const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
        and indexname = 'search_documents_grams'`.execute(t.db)
      expect(rows).toHaveLength(1)
    }
    const found = await searchDocuments(t.db, { text: '批量载入 第二', limit: 10, offset: 0 })
    expect(found.hits.map((h) => [h.id, h.score])).toEqual([[930_002, 2]])
    const all = [...corpus, ...docs]
    for (const text of ['防汛', '方案 2023', '批量']) {
      const { total, more, hits } = await searchAll(t.db, { text })
      expect({ text, total, more, ids: hits.map((h) => h.id) }).toEqual({
        text,
        ...capped(scan(all, { text })),
      })
    }
  }, 300_000)

  it('gives rows indexed without private lexemes the same ones (PostgreSQL migration 2026_11_27_1300)', async () => {
    if (t.engine !== 'postgres') return
    const read = () =>
      sql<{ id: number; g: string }>`select id, grams::text as g from search_documents
        where id <= 60 order by id`.execute(t.db)
    const before = (await read()).rows
    expect(before).toHaveLength(60)
    expect(before.every((r) => r.g.includes('\uE001a') && r.g.includes('\uE0023.'))).toBe(true)
    await sql`update search_documents set grams = ts_delete(grams, array(
        select l from unnest(tsvector_to_array(grams)) l
        where left(l, 1) in (chr(57345), chr(57346)) and char_length(l) >= 3))
      where id <= 60`.execute(t.db)
    expect((await read()).rows.some((r) => r.g.includes('\uE001'))).toBe(false)
    await privateLexemes.up(t.db as unknown as Kysely<unknown>)
    expect((await read()).rows).toEqual(before)
  })
})

describeDb('search of a term clustered in time', () => {
  const t = useTestDb()
  const rand = seededRandom(20261128)
  const corpus: SearchDocument[] = []
  const on = (day: string, id: number, title: string, body: string): SearchDocument => ({
    ...sampleDocument(id, rand, AGENCIES),
    title,
    body,
    // A distinct second for every id: documents of one day never share an instant.
    publishedAt: new Date(Date.parse(`${day}T00:00:00.000Z`) + id * 1000).toISOString(),
  })

  beforeAll(async () => {
    // Newest: 40 documents with the term in the body only; three years before: 1,200 with it in the title,
    // on three days; in between and before, documents without it.
    for (let i = 0; i < 40; i++) {
      corpus.push(on(`2025-0${1 + (i % 6)}-1${i % 9}`, 1 + i, '工作动态', '提到聚类现象'))
    }
    for (let i = 0; i < 1200; i++) {
      corpus.push(on(`2022-03-0${1 + (i % 3)}`, 100 + i, `聚类分析第${i}期`, '正文'))
    }
    for (let i = 0; i < 200; i++) {
      corpus.push(on(`20${16 + (i % 9)}-0${1 + (i % 9)}-2${i % 8}`, 2000 + i, '其他', '无关'))
    }
    for (let i = 0; i < corpus.length; i += 400) await indexDocuments(t.db, corpus.slice(i, i + 400))
    // Statistics that call the term frequent: PostgreSQL takes the bucket path.
    await sql`analyze search_documents`.execute(t.db)
    if (t.engine === 'postgres') forgetTermFrequencies(t.db)
  }, 300_000)

  it('finds the newest matches when a range reaches into the cluster (PostgreSQL narrows a range too dense to read)', async () => {
    // The bucket path, and range reads that stop as soon as a chunk holds more than the matches needed.
    await withRangeCollection(t.db, async () => {
      for (const q of [
        { text: '聚类' },
        { text: '聚类分析' },
        { text: '聚类', year: 2022 },
        { text: '类分 第1' },
      ]) {
        const { total, more, hits } = await searchAll(t.db, q)
        expect({ q, total, more, ids: hits.map((h) => h.id) }).toEqual({ q, ...capped(scan(corpus, q)) })
        const page = await searchDocuments(t.db, { ...q, limit: 20, offset: 40 })
        expect(page.hits.map((h) => h.id)).toEqual(scan(corpus, q).slice(40, 60))
        // The first page: the 40 newest matches (body only) settle its rest, so PostgreSQL only counts the
        // cluster's matches, in whatever order they come; its title matches come from a search of their own.
        const first = await searchDocuments(t.db, { ...q, limit: 20, offset: 0 })
        expect({ q, ids: first.hits.map((h) => h.id) }).toEqual({ q, ids: scan(corpus, q).slice(0, 20) })
        expect(first.total).toBe(capped(scan(corpus, q)).total)
      }
    })
  }, 300_000)
})
