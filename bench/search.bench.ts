// `npm run bench -- search [--engine sqlite|postgres] [--docs N] [--queries Q] [--recall R] [--as-is]`: full-text search at scale.
// Generates N documents (default 1,000,000 over 1,000 agencies; progress shown) into a database kept between
// runs (SQLite: $GONGKAI_DATA_DIR or /tmp/gongkai-bench/search-v2-N.sqlite; PostgreSQL: database gongkai_search_bench, schema search_v3_N),
// then times Q queries per class (1, 2 and 4 characters, two words, filtered) — p50/p95/max of searchDocuments
// with limit 20 — and checks a sample against a substring scan of the same corpus regenerated in memory.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import {
  beginBulkIndexing,
  finishBulkIndexing,
  indexDocuments,
  searchDocuments,
  searchDocumentsOrder,
  SEARCH_COUNT_CAP,
} from '../src/search/index.ts'
import type { SearchDocument, SearchQuery } from '../src/search/index.ts'
import { normalizeText } from '../src/search/normalize.ts'
import { sampleDocument, seededRandom } from '../src/search/sample-corpus.ts'
import { connect, engineOf } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'

const AGENCIES = 1000
const BATCH = 2000

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? undefined : args[i + 1]
}

/** Document `id` of the corpus: the same on every run, whatever else was generated. */
function corpusDocument(id: number): SearchDocument {
  return sampleDocument(id, seededRandom(Math.imul(id, 2654435761) ^ 0x5eed), AGENCIES)
}

async function open(engine: 'sqlite' | 'postgres', docs: number): Promise<DB> {
  if (engine === 'sqlite') {
    const dir = process.env.GONGKAI_DATA_DIR ?? '/tmp/gongkai-bench'
    const file = path.join(dir, `search-v2-${docs}.sqlite`)
    console.log(`database ${file}`)
    return connect({ database: { engine: 'sqlite', file } })
  }
  // A database of its own: Kysely's migrator looks for its tables in every schema of a database, so a kept
  // schema next to the test schemas would make their migrations skip creating them.
  const server = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const name = 'gongkai_search_bench'
  const admin = await connect({ database: { engine: 'postgres', url: server } }, { migrate: false })
  const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(admin)
  if (exists.rows.length === 0) await sql`create database ${sql.id(name)}`.execute(admin)
  await admin.destroy()
  const url = new URL(server)
  url.pathname = `/${name}`
  const schema = `search_v3_${docs}`
  const owner = await connect({ database: { engine: 'postgres', url: url.href } }, { migrate: false })
  await sql`create schema if not exists ${sql.id(schema)}`.execute(owner)
  await owner.destroy()
  console.log(`database ${url.href} schema ${schema}`)
  return connect({ database: { engine: 'postgres', url: url.href } }, { pgSchema: schema, pgPoolSize: 1 })
}

/** `--as-is`: no generation; the documents 1..n already indexed are the corpus (an interrupted run's). */
async function present(db: DB): Promise<number> {
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')])
    .executeTakeFirstOrThrow()
  if (Number(row.n) !== Number(row.max ?? 0)) throw new Error('--as-is needs documents 1..n without gaps')
  const t0 = performance.now()
  await finishBulkIndexing(db)
  console.log(
    `corpus: ${Number(row.n)} documents as they are, then index build/vacuum analyze/optimize ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  )
  return Number(row.n)
}

async function load(db: DB, docs: number): Promise<void> {
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')])
    .executeTakeFirstOrThrow()
  const have = Number(row.n)
  if (have >= docs) {
    console.log(`corpus: ${have} documents already indexed (reused)`)
    const gin = await sql`select 1 from pg_indexes where schemaname = current_schema()
      and indexname = 'search_documents_grams'`
      .execute(db)
      .catch(() => null)
    if (gin !== null && gin.rows.length === 0) {
      console.log('corpus: an interrupted load left no GIN index: building it')
      await finishBulkIndexing(db)
    }
    return
  }
  const from = Number(row.max ?? 0) + 1
  console.log(`corpus: generating and indexing documents ${from}..${docs}`)
  // Index structures built once after loading (the GIN index on PostgreSQL; FTS5 merged once on SQLite).
  if (docs - from > 10_000) await beginBulkIndexing(db)
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  let last = t0
  for (let id = from; id <= docs; id += BATCH) {
    const batch: SearchDocument[] = []
    for (let i = id; i < Math.min(docs + 1, id + BATCH); i++) batch.push(corpusDocument(i))
    await indexDocuments(db, batch)
    const done = Math.min(docs, id + BATCH - 1)
    const now = performance.now()
    if (now - last > 5000 || done === docs) {
      last = now
      const rate = (done - from + 1) / ((now - t0) / 1000)
      const cpu = process.cpuUsage(c0)
      console.log(
        `  ${done}/${docs} (${((100 * done) / docs).toFixed(1)}%) ${rate.toFixed(0)} docs/s, ` +
          `ETA ${((docs - done) / rate / 60).toFixed(1)} min, this process ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU, ` +
          `load ${os.loadavg()[0]?.toFixed(2)}`,
      )
    }
  }
  const t1 = performance.now()
  await finishBulkIndexing(db)
  console.log(
    `corpus: indexed in ${((t1 - t0) / 1000).toFixed(0)} s, then ${engineOf(db) === 'postgres' ? 'GIN index build + vacuum analyze' : 'FTS5 optimize'} ${((performance.now() - t1) / 1000).toFixed(0)} s`,
  )
}

/** A substring of `length` characters of the title or body of a random document, without blanks. */
function sampleWord(rand: () => number, docs: number, length: number): string {
  for (;;) {
    const d = corpusDocument(1 + Math.floor(rand() * docs))
    const chars = Array.from(normalizeText(rand() < 0.4 ? d.title : d.body))
    if (chars.length < length) continue
    const at = Math.floor(rand() * (chars.length - length + 1))
    const word = chars.slice(at, at + length).join('')
    if (!word.includes(' ') && (length > 1 || /\p{Script=Han}/u.test(word))) return word
  }
}

type Query = Omit<SearchQuery, 'limit' | 'offset'>

function queryClasses(docs: number, count: number): Record<string, Query[]> {
  const rand = seededRandom(4242)
  const make = (f: () => Query) => Array.from({ length: count }, f)
  const subtree = () => {
    const first = 1 + Math.floor(rand() * (AGENCIES - 10))
    return Array.from({ length: 10 }, (_, i) => first + i)
  }
  return {
    '1 char': make(() => ({ text: sampleWord(rand, docs, 1) })),
    '2 chars': make(() => ({ text: sampleWord(rand, docs, 2) })),
    '4 chars': make(() => ({ text: sampleWord(rand, docs, 4) })),
    'two words (2+2)': make(() => ({ text: `${sampleWord(rand, docs, 2)} ${sampleWord(rand, docs, 2)}` })),
    '1 char, 10 agencies + year': make(() => ({
      text: sampleWord(rand, docs, 1),
      agencyIds: subtree(),
      year: 2015 + Math.floor(rand() * 11),
    })),
    '2 chars, 300 agencies + column': make(() => ({
      text: sampleWord(rand, docs, 2),
      agencyIds: Array.from({ length: 300 }, (_, i) => 1 + i * 3),
      columnId: 1 + Math.floor(rand() * 20),
    })),
    'frequent (区 的 政 通知 工作)': ['区', '的', '政', '通知', '工作'].map((text) => ({ text })),
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

/** CPU time (ms) used so far by a process of this machine (the PostgreSQL backend), from /proc. */
function processCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
}

/**
 * Wall time per query, and CPU time per query (this process plus the PostgreSQL backend): on a shared, loaded
 * machine the wall time includes waiting for a core; the CPU time is what the query itself costs.
 */
async function time(db: DB, queries: Query[], backendPid: number | null): Promise<string> {
  const wall: number[] = []
  const cpu: number[] = []
  for (const q of queries) {
    const c0 = process.cpuUsage()
    const b0 = backendPid === null ? 0 : processCpuMs(backendPid)
    const t0 = performance.now()
    await searchDocuments(db, { ...q, limit: 20, offset: 0 })
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000 + (backendPid === null ? 0 : processCpuMs(backendPid) - b0))
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1)
  return `wall p50 ${f(wall, 50)} p95 ${f(wall, 95)} max ${f(wall, 100)} | cpu p50 ${f(cpu, 50)} p95 ${f(cpu, 95)} ms (n=${wall.length})`
}

interface Expected {
  count: number
  /** Best 20 as [titleTier, publishedAt, id], best first. */
  top: [number, string, number][]
}

function better(a: [number, string, number], b: [number, string, number]): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]
}

/** One pass over the regenerated corpus: each query's match count and first page, by substring scan. */
function scanCorpus(docs: number, queries: Query[]): Expected[] {
  const words = queries.map((q) => normalizeText(q.text).split(' ').filter(Boolean))
  const expected = queries.map(() => ({ count: 0, top: [] as [number, string, number][] }))
  const t0 = performance.now()
  for (let id = 1; id <= docs; id++) {
    const d = corpusDocument(id)
    const title = normalizeText(d.title)
    const text = `${title}\n${normalizeText(`${d.docNumber}\n${d.indexNumber}\n${d.body}`)}`
    queries.forEach((q, i) => {
      const ws = words[i] as string[]
      if (!ws.every((w) => text.includes(w))) return
      if (q.agencyIds !== undefined && !q.agencyIds.includes(d.agencyId)) return
      if (q.columnId !== undefined && q.columnId !== d.columnId) return
      if (q.year !== undefined && q.year !== d.year) return
      const e = expected[i] as Expected
      e.count++
      const entry: [number, string, number] = [
        ws.every((w) => title.includes(w)) ? 1 : 0,
        d.publishedAt,
        d.id,
      ]
      if (e.top.length < 20 || better(entry, e.top[e.top.length - 1] as [number, string, number])) {
        e.top.push(entry)
        e.top.sort((a, b) => (better(a, b) ? -1 : 1))
        if (e.top.length > 20) e.top.pop()
      }
    })
    if (id % 200_000 === 0) {
      console.log(`  scanned ${id}/${docs} (${((performance.now() - t0) / 1000).toFixed(0)} s)`)
    }
  }
  return expected
}

async function checkRecall(db: DB, docs: number, sample: Query[]): Promise<void> {
  console.log(`recall: substring scan of ${docs} regenerated documents for ${sample.length} queries`)
  const expected = scanCorpus(docs, sample)
  let exact = 0
  let expectedDocs = 0
  let foundDocs = 0
  const failures: string[] = []
  for (const [i, q] of sample.entries()) {
    const e = expected[i] as Expected
    const first = await searchDocuments(db, { ...q, limit: 20, offset: 0 })
    let ok =
      first.total === Math.min(e.count, SEARCH_COUNT_CAP) &&
      first.totalIsLowerBound === e.count > SEARCH_COUNT_CAP
    ok &&= JSON.stringify(first.hits.map((h) => h.id)) === JSON.stringify(e.top.map((x) => x[2]))
    if (e.count <= 500) {
      // Small result sets: every matching document must come back.
      const ids = new Set<number>()
      for (let offset = 0; offset < e.count; offset += 100) {
        for (const h of (await searchDocuments(db, { ...q, limit: 100, offset })).hits) ids.add(h.id)
      }
      expectedDocs += e.count
      foundDocs += ids.size
      ok &&= ids.size === e.count
    }
    if (ok) exact++
    else failures.push(`${JSON.stringify(q.text)} expected ${e.count}, got total ${first.total}`)
  }
  console.log(`recall: ${exact}/${sample.length} queries exactly right (count, first page in order)`)
  console.log(
    `recall: ${foundDocs}/${expectedDocs} documents found for queries with ≤ 500 matches (all pages)`,
  )
  for (const f of failures.slice(0, 10)) console.log(`  MISMATCH ${f}`)
}

export default async function (args: string[]): Promise<void> {
  const engine = arg(args, 'engine') === 'postgres' ? 'postgres' : 'sqlite'
  let docs = Number(arg(args, 'docs') ?? 1_000_000)
  const count = Number(arg(args, 'queries') ?? 200)
  const recallPerClass = Number(arg(args, 'recall') ?? 10)
  console.log(
    `search bench: engine ${engine}, ${docs} documents, ${AGENCIES} agencies, ${count} queries a class`,
  )
  const db = await open(engine, docs)
  try {
    if (args.includes('--as-is')) docs = await present(db)
    else await load(db, docs)
    if (engine === 'postgres') {
      // Range searches rely on the table's time order (finishBulkIndexing, `gongkai search reorder`).
      const order = await searchDocumentsOrder(db)
      console.log(`search table stored order: correlation with rank keys ${order?.toFixed(3) ?? 'unknown'}`)
    }
    const backendPid =
      engine === 'postgres'
        ? ((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid ?? null)
        : null
    const classes = queryClasses(docs, count)
    for (const q of Object.values(classes).flat().slice(0, 30)) {
      await searchDocuments(db, { ...q, limit: 20, offset: 0 })
    }
    console.log(
      `latency of searchDocuments (limit 20, count capped at ${SEARCH_COUNT_CAP}), load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}:`,
    )
    for (const [name, queries] of Object.entries(classes)) {
      console.log(`  ${name.padEnd(32)} ${await time(db, queries, backendPid)}`)
    }
    console.log(
      `load average after timing: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    const sample = Object.values(classes).flatMap((qs) => qs.slice(0, recallPerClass))
    await checkRecall(db, docs, sample)
  } finally {
    await db.destroy()
  }
}
