// `npm run bench -- catalogue [sqlite|postgres] [items]`: the catalogue's public reads and its publish step on
// a generated corpus (default 1,000,000 published items over 1,000 agencies; agency 1 is a heavy one with
// a tenth of all items, to show the worst column). The corpus is kept (SQLite: bench/out/, PostgreSQL: its
// own database `bench_catalogue`) and reused when it already has the requested size. Prints p50/p95/max per
// query, measured sequentially in this process.
import { sql } from 'kysely'
import pg from 'pg'
import type { Actor } from '../src/accounts/index.ts'
import {
  approveItem,
  countItemsPerColumn,
  createDraft,
  flushViews,
  getColumnTree,
  getPublishedItem,
  listLatestItems,
  listPublishedItems,
  listItems,
  listPublishedItemsBefore,
  submitForReview,
  ViewCounter,
} from '../src/catalogue/index.ts'
import { connect, type DB } from '../src/storage/index.ts'
import { corpusItemRow, countyAgencyRow, writeCorpus } from './support.ts'

const AGENCIES = 1_000
const COLUMNS_PER_AGENCY = 8 // all leaf columns that receive items
const BATCH = 500 // rows per insert (SQLite allows 32,766 bound parameters; a row binds 32)

const columnId = (agencyId: number, index: number) => (agencyId - 1) * COLUMNS_PER_AGENCY + index + 1

/** Item n → its agency and column: agency 1 takes every 10th item (two columns), the rest spread evenly. */
function placement(n: number): { agencyId: number; column: number } {
  if (n % 10 === 0) return { agencyId: 1, column: n % 20 === 0 ? 0 : 1 }
  const agencyId = 2 + (n % (AGENCIES - 1))
  return { agencyId, column: Math.floor(n / AGENCIES) % COLUMNS_PER_AGENCY }
}

function itemRow(n: number, total: number) {
  const { agencyId, column } = placement(n)
  return corpusItemRow(n, total, (publishedOn) => ({
    agency_id: agencyId,
    column_id: columnId(agencyId, column),
    index_number: `B${String(agencyId).padStart(8, '0')}/${publishedOn.slice(0, 4)}-${String(n).padStart(7, '0')}`,
    title: `关于印发第${n}号工作方案的通知`,
    topic_code: ['02.01', '04.01', '15.02'][n % 3] ?? null,
    publisher_name: `示例机构${agencyId}`,
    doc_number: `示政发〔${publishedOn.slice(0, 4)}〕${n % 300}号`,
    summary: '',
    body_html: `<p>第${n}号方案正文。</p>`,
    body_text: `第${n}号方案正文。`,
    made_on: publishedOn,
    published_on_time: 1,
  }))
}

function columnRows(agencyId: number, now: string) {
  return Array.from({ length: COLUMNS_PER_AGENCY }, (_, index) => ({
    id: columnId(agencyId, index),
    agency_id: agencyId,
    parent_id: null,
    name: `栏目${index + 1}`,
    slug: `c${index + 1}`,
    kind: 'custom',
    position: index,
    created_at: now,
    updated_at: now,
  }))
}

async function ensureCorpus(db: DB, total: number, engine: string): Promise<void> {
  const { n } = await db
    .selectFrom('catalogue_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(n) >= total) {
    console.log(`corpus: reusing ${Number(n).toLocaleString()} items`)
    return
  }
  if (Number(n) !== 0) throw new Error(`the bench database holds ${n} items, not ${total}: delete it first`)
  const started = Date.now()
  await writeCorpus(db, engine, total, {
    agencies: AGENCIES,
    agency: (id, now) =>
      countyAgencyRow(id, now, { credit_code: `11620502MB${String(1_000_000 + id).slice(1)}X`.slice(0, 18) }),
    columns: columnRows,
    columnsInAll: AGENCIES * COLUMNS_PER_AGENCY,
    item: itemRow,
    itemsPerInsert: BATCH,
    insertsPerTransaction: 40,
    progressEvery: 100_000,
  })
  // PostgreSQL: VACUUM sets the visibility map (autovacuum would, later), so counts are index-only scans.
  await (engine === 'postgres' ? sql`vacuum analyze catalogue_items` : sql`analyze`).execute(db)
  console.log(`corpus: done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

/** Deterministic pseudo-random numbers, so both engines run the same queries. */
function rng(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

async function measure(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(runs + i) // warm up caches and statement caches
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2)
  console.log(
    `${label.padEnd(52)} p50 ${at(0.5).padStart(7)} ms  p95 ${at(0.95).padStart(7)} ms  max ${at(1).padStart(7)} ms`,
  )
}

async function openBench(engine: 'sqlite' | 'postgres', total: number): Promise<DB> {
  if (engine === 'sqlite') {
    return connect({ database: { engine: 'sqlite', file: `bench/out/catalogue-${total}.sqlite` } })
  }
  const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  const exists = await admin.query(`select 1 from pg_database where datname = 'bench_catalogue'`)
  if (exists.rowCount === 0) await admin.query('create database bench_catalogue')
  await admin.end()
  return connect({ database: { engine: 'postgres', url: base.replace(/\/[^/]*$/, '/bench_catalogue') } })
}

export default async function (args: string[]): Promise<void> {
  const engine = args[0] === 'postgres' ? 'postgres' : 'sqlite'
  const total = Number(args[1] ?? 1_000_000)
  const db = await openBench(engine, total)
  try {
    await ensureCorpus(db, total, engine)
    const random = rng(42)
    const agency = () => 2 + Math.floor(random() * (AGENCIES - 1))
    const column = (a: number) => columnId(a, Math.floor(random() * COLUMNS_PER_AGENCY))
    const heavy = columnId(1, 0)
    const { n: heavyCount } = await db
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('column_id', '=', heavy)
      .executeTakeFirstOrThrow()
    console.log(
      `engine ${engine}; ${total.toLocaleString()} items; heaviest column ${Number(heavyCount).toLocaleString()} items`,
    )

    await measure('column list page 1 (20 + total), typical column', 300, () => {
      const a = agency()
      return listPublishedItems(db, { agencyId: a, columnId: column(a) })
    })
    await measure('column list page 1, heaviest column', 100, () =>
      listPublishedItems(db, { agencyId: 1, columnId: heavy }),
    )
    await measure('column list page 50 (offset), heaviest column', 100, () =>
      listPublishedItems(db, { agencyId: 1, columnId: heavy, page: 50 }),
    )
    await measure('column list, year 2024 filter, heaviest column', 100, () =>
      listPublishedItems(db, { agencyId: 1, columnId: heavy, year: 2024 }),
    )
    await measure('column list, topic filter, heaviest column', 100, () =>
      listPublishedItems(db, { agencyId: 1, columnId: heavy, topicCode: '04.01' }),
    )
    const depth = Math.min(20_000, Math.floor(Number(heavyCount) / 2))
    const deep = await db
      .selectFrom('catalogue_items')
      .select(['id', 'published_at'])
      .where('column_id', '=', heavy)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .offset(depth)
      .limit(1)
      .executeTakeFirstOrThrow()
    await measure(`keyset page after ${depth.toLocaleString()} rows, heaviest column`, 100, () =>
      listPublishedItemsBefore(db, {
        agencyId: 1,
        columnId: heavy,
        limit: 20,
        before: { publishedAt: deep.published_at ?? '', id: deep.id },
      }),
    )
    await measure('item by id', 500, () => {
      const id = 1 + Math.floor(random() * total)
      return getPublishedItem(db, placement(id).agencyId, { id })
    })
    await measure('item by 索引号', 500, () => {
      const row = itemRow(1 + Math.floor(random() * total), total)
      return getPublishedItem(db, row.agency_id, { indexNumber: row.index_number })
    })
    await measure('latest 10 items of an agency (专栏 home)', 300, () => listLatestItems(db, agency(), 10))
    await measure('counts per column of an agency', 300, () => countItemsPerColumn(db, agency()))
    await measure('counts per column, heaviest agency', 50, () => countItemsPerColumn(db, 1))
    await measure('column tree of an agency', 300, () => getColumnTree(db, agency()))

    const counter = new ViewCounter()
    await measure('flushViews of 10,000 views over 5,000 items', 10, () => {
      for (let i = 0; i < 10_000; i++) counter.record(1 + Math.floor(random() * total))
      return flushViews(db, counter)
    })

    const actor = (roles: Actor['roles']): Actor => ({
      userId: 0,
      username: 'system:bench',
      displayName: 'bench',
      agencyId: 0,
      agencyPath: '/',
      agencyName: '',
      roles,
      mustChangePassword: false,
    })
    const admin = actor(['platform_admin'])
    // The console's 信息管理 list: every agency for a 平台管理员; one (heavy) agency for its 信息发布员.
    await measure('console list page 1, 平台管理员 (all agencies)', 50, () => listItems(db, admin))
    await measure('console list page 1, 平台管理员, status 已发布', 50, () =>
      listItems(db, admin, { statuses: ['published'] }),
    )
    await measure('console list page 1, 平台管理员, words in 标题', 20, () =>
      listItems(db, admin, { text: '通知' }),
    )
    const heavyPublisher: Actor = { ...actor(['publisher']), agencyId: 1 }
    await measure('console list page 1, 信息发布员 of the heaviest agency', 50, () =>
      listItems(db, heavyPublisher),
    )
    const inReview: number[] = []
    for (let i = 0; i < 70; i++) {
      const a = agency()
      const draft = await createDraft(db, admin, {
        columnId: column(a),
        title: '基准测试发布',
        madeOn: '2026-11-02',
      })
      inReview.push((await submitForReview(db, admin, { id: draft.id })).id)
    }
    await measure('publish (approveItem: 索引号 serial, on-time check)', 50, (i) =>
      approveItem(db, admin, { id: inReview[i] ?? 0 }),
    )
  } finally {
    await db.destroy()
  }
}
