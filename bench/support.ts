// Helpers shared by the benches that generate their data with SQL (kaohe, report-compute): option reading, the
// load average, per-engine SQL fragments and the bench's own database (a kept SQLite file or PostgreSQL database).
import { execFileSync } from 'node:child_process'
import { sql, type Insertable } from 'kysely'
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { deriveCaseClock, type ClockEvent } from '../src/applications/index.ts'
import { derivedColumns } from '../src/applications/derived-columns.ts'
import type { HolidayCalendar } from '../src/calendar/index.ts'
import { connect } from '../src/storage/index.ts'
import type { Database, DB } from '../src/storage/index.ts'
import { NO_AGENCY_DETAILS } from '../test/factories.ts'

/** The value after `name` in `args` (e.g. `--engine postgres`). */
export function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The three load averages, for the printed figures. */
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** A day offset → date text, per engine. */
export function dateExpr(engine: string, base: string, days: string): string {
  return engine === 'sqlite'
    ? `date('${base}', '+' || (${days}) || ' days')`
    : `((date '${base}' + (${days})::int)::text)`
}

/** n = 1..count as rows `seq(n)`. */
export function series(engine: string, count: number): string {
  return engine === 'sqlite'
    ? `with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${count})`
    : `with seq(n) as (select generate_series(1, ${count})::bigint)`
}

export interface BenchDatabase {
  /** SQLite: the kept file (its directory is created). */
  readonly sqliteFile: string
  /** PostgreSQL: the bench's own database on the server at `pgBase` (created with psql when absent). */
  readonly pgDatabase: string
  readonly pgBase: string
}

/** The bench's database on `engine`, emptied first when `fresh`. */
export async function openBenchDatabase(
  where: BenchDatabase,
  engine: 'sqlite' | 'postgres',
  fresh: boolean,
): Promise<DB> {
  if (engine === 'sqlite') {
    mkdirSync(where.sqliteFile.slice(0, where.sqliteFile.lastIndexOf('/')), { recursive: true })
    if (fresh) for (const s of ['', '-wal', '-shm']) rmSync(`${where.sqliteFile}${s}`, { force: true })
    return connect({ database: { engine: 'sqlite', file: where.sqliteFile } })
  }
  const url = new URL(where.pgBase)
  const psql = (command: string) =>
    execFileSync(
      'psql',
      [
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        url.username || 'postgres',
        '-d',
        'postgres',
        '-qAtc',
        command,
      ],
      { encoding: 'utf8' },
    ).trim()
  const name = where.pgDatabase
  if (fresh) psql(`drop database if exists ${name}`)
  if (psql(`select 1 from pg_database where datname = '${name}'`) !== '1') psql(`create database ${name}`)
  return connect({ database: { engine: 'postgres', url: `${where.pgBase}/${name}` } })
}

// ── Generated data shared by the application benches (application-portal, applications) ───────────────────
// Appended: the helpers above stay as they were.

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run generates the same data. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface FreshDatabase {
  readonly engine: 'sqlite' | 'postgres'
  /** SQLite: the file, deleted (with its -wal and -shm) before the run. */
  readonly sqliteFile: string
  /** PostgreSQL: the database the schema is made in (use a database of your own on a shared machine). */
  readonly pgUrl: string
  /** PostgreSQL: the run's own schema, created before and dropped (cascade) after. */
  readonly pgSchema: string
}

/** Run `fn` on an empty, migrated database: a new SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function withFreshDatabase(where: FreshDatabase, fn: (db: DB) => Promise<void>): Promise<void> {
  const pgAdmin = () => connect({ database: { engine: 'postgres', url: where.pgUrl } }, { migrate: false })
  if (where.engine === 'postgres') {
    const admin = await pgAdmin()
    await admin.schema.createSchema(where.pgSchema).execute()
    await admin.destroy()
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${where.sqliteFile}${suffix}`, { force: true })
  }
  let db: DB | undefined
  try {
    db =
      where.engine === 'sqlite'
        ? await connect({ database: { engine: 'sqlite', file: where.sqliteFile } })
        : await connect({ database: { engine: 'postgres', url: where.pgUrl } }, { pgSchema: where.pgSchema })
    await fn(db)
  } finally {
    await db?.destroy()
    if (where.engine === 'postgres') {
      const admin = await pgAdmin()
      await admin.schema.dropSchema(where.pgSchema).cascade().execute()
      await admin.destroy()
    }
  }
}

/** A generated 依申请公开 case: its event log (the first event is `received`) and who it belongs to. */
export interface GeneratedCase {
  readonly events: readonly ClockEvent[]
  readonly agencyId: number
  readonly officerId: number | null
  readonly phone: string
  readonly code: string
}

/** Events per INSERT (7 columns each, under both engines' bound-parameter limits). */
const EVENT_CHUNK = 2000

/**
 * Insert cases as the intake would leave them, one natural-person applicant each, their derived columns
 * computed from the event log; returns the new ids in the order of `cases`.
 */
export async function insertGeneratedCases(
  trx: DB,
  cases: readonly GeneratedCase[],
  calendar: HolidayCalendar,
  now: string,
): Promise<number[]> {
  const ids = await trx
    .insertInto('applications')
    .values(
      cases.map((c) => ({
        agency_id: c.agencyId,
        tracking_code: c.code,
        channel: c.events[0]?.type === 'received' ? c.events[0].channel : 'in_person',
        description: '关于某项目审批材料的政府信息',
        document_ref: null,
        form_wanted: 'electronic',
        delivery_method: 'email',
        intake_note: null,
        idempotency_key: null,
        officer_id: c.officerId,
        created_by: null,
        created_at: now,
        updated_at: now,
        ...derivedColumns(deriveCaseClock(c.events, calendar, { explain: false }), c.events.length),
      })),
    )
    .returning('id')
    .execute()
  await trx
    .insertInto('application_applicants')
    .values(
      cases.map((c, i) => ({
        application_id: ids[i]?.id ?? 0,
        applicant_type: 'natural_person',
        org_subtype: null,
        name: '申请人',
        id_type: 'resident_id',
        id_number: '11010519491231002X',
        contact_name: null,
        phone: c.phone,
        email: null,
        address: null,
        postcode: null,
      })),
    )
    .execute()
  const events = cases.flatMap((c, i) =>
    c.events.map((e, k) => ({
      application_id: ids[i]?.id ?? 0,
      seq: k + 1,
      type: e.type,
      payload_json: JSON.stringify(e),
      on_date: e.on,
      recorded_at: now,
      actor_id: null,
    })),
  )
  for (let k = 0; k < events.length; k += EVENT_CHUNK) {
    await trx
      .insertInto('application_events')
      .values(events.slice(k, k + EVENT_CHUNK))
      .execute()
  }
  return ids.map((r) => r.id)
}

// ── Generated catalogue corpora (catalogue bench, portal-corpus) ─────────────────────────────────────────────

type AgencyRow = Insertable<Database['agencies']>
type ColumnRow = Insertable<Database['catalogue_columns']>
type ItemRow = Insertable<Database['catalogue_items']>

/** A generated county government `示例县{id}人民政府` (explicit id, top level); `fields` sets the rest. */
export function countyAgencyRow(id: number, now: string, fields: Partial<AgencyRow> = {}): AgencyRow {
  return {
    id,
    parent_id: null,
    path: `/${id}/`,
    name: `示例县${id}人民政府`,
    kind: 'government',
    credit_code: null,
    ...NO_AGENCY_DETAILS,
    created_at: now,
    updated_at: now,
    ...fields,
  }
}

/** What each corpus sets itself: placement and text. */
type CorpusItemFields = Pick<
  ItemRow,
  | 'agency_id'
  | 'column_id'
  | 'index_number'
  | 'title'
  | 'topic_code'
  | 'publisher_name'
  | 'doc_number'
  | 'summary'
  | 'body_html'
  | 'body_text'
  | 'made_on'
  | 'published_on_time'
>

const CORPUS_START = Date.parse('2019-01-01T00:00:00Z')
const CORPUS_END = Date.parse('2026-11-01T00:00:00Z')

/**
 * A published item of a generated corpus (explicit id), published at a time spread evenly over 2019-01 …
 * 2026-11 by id; `fields(publishedOn)` gives its placement and text.
 */
export function corpusItemRow<F extends CorpusItemFields>(
  id: number,
  total: number,
  fields: (publishedOn: string) => F,
): ItemRow & F {
  const publishedAt = new Date(
    CORPUS_START + Math.floor(((CORPUS_END - CORPUS_START) * id) / total),
  ).toISOString()
  // The date in China (UTC+8).
  const publishedOn = new Date(Date.parse(publishedAt) + 8 * 3600_000).toISOString().slice(0, 10)
  return {
    id,
    status: 'published',
    written_on: publishedOn,
    published_on: publishedOn,
    validity: 'valid',
    effective_on: null,
    repealed_on: null,
    keywords: '示例 方案',
    item_type: 'ordinary',
    view_count: id % 997,
    scheduled_at: null,
    published_at: publishedAt,
    submitted_at: publishedAt,
    return_reason: null,
    withdrawn_at: null,
    withdrawal_reason: null,
    created_by: null,
    reviewed_by: null,
    created_at: publishedAt,
    updated_at: publishedAt,
    ...fields(publishedOn),
  }
}

/** How a generated catalogue corpus is laid out and written. */
export interface CorpusLayout {
  readonly agencies: number
  readonly agency: (id: number, now: string) => AgencyRow
  /** The agency's columns, explicit ids. */
  readonly columns: (agencyId: number, now: string) => ColumnRow[]
  /** How many columns there are in all (where the PostgreSQL sequence goes on). */
  readonly columnsInAll: number
  readonly item: (id: number, total: number) => ItemRow
  /** Rows per INSERT (a SQLite statement binds at most 32,766 parameters). */
  readonly itemsPerInsert: number
  readonly insertsPerTransaction: number
  /** Print progress after every this many items. */
  readonly progressEvery: number
}

/**
 * Write the agencies (100 a statement, one transaction), their columns and items 1 … total into an empty
 * database with progress; on PostgreSQL the id sequences then go on after the explicit ids, so later inserts
 * get fresh ids. No statistics: the caller runs the ANALYZE (or VACUUM) it wants.
 */
export async function writeCorpus(
  db: DB,
  engine: string,
  total: number,
  layout: CorpusLayout,
): Promise<void> {
  const started = Date.now()
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    for (let start = 1; start <= layout.agencies; start += 100) {
      const ids = Array.from({ length: Math.min(100, layout.agencies - start + 1) }, (_, i) => start + i)
      await trx
        .insertInto('agencies')
        .values(ids.map((id) => layout.agency(id, now)))
        .execute()
      await trx
        .insertInto('catalogue_columns')
        .values(ids.flatMap((id) => layout.columns(id, now)))
        .execute()
    }
  })
  let next = 1
  while (next <= total) {
    await db.transaction().execute(async (trx) => {
      for (let b = 0; b < layout.insertsPerTransaction && next <= total; b++) {
        const count = Math.min(layout.itemsPerInsert, total - next + 1)
        await trx
          .insertInto('catalogue_items')
          .values(Array.from({ length: count }, (_, i) => layout.item(next + i, total)))
          .execute()
        next += count
      }
    })
    const done = next - 1
    if (done % layout.progressEvery === 0 || done === total) {
      const seconds = (Date.now() - started) / 1000
      console.log(
        `corpus: ${done.toLocaleString()} / ${total.toLocaleString()} items (${Math.round(done / seconds).toLocaleString()} rows/s)`,
      )
    }
  }
  if (engine === 'postgres') {
    await sql`select setval(pg_get_serial_sequence('catalogue_items', 'id'), ${total})`.execute(db)
    await sql`select setval(pg_get_serial_sequence('agencies', 'id'), ${layout.agencies})`.execute(db)
    await sql`select setval(pg_get_serial_sequence('catalogue_columns', 'id'), ${layout.columnsInAll})`.execute(
      db,
    )
  }
}
