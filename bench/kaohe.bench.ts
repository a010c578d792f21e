// `npm run bench -- kaohe [--engine sqlite|postgres|both] [--agencies N] [--reuse]`
// The 考核 overview of a supervising office with N subordinate agencies (default 1,000): 300 items (2024–2026,
// 70% with a known on-time flag), 200 applications (received 2024–2026, 90% concluded, some overdue) and 6
// appeals each, a published 2025 report for 2 in 3. getKaoheOverview for 2025 (five grouped statements) and the
// CSV and XLSX of it. Data is bulk-inserted with INSERT … SELECT into our own SQLite file under
// /tmp/kaohe-tujie/ and our own PostgreSQL database gongkai_kaohe_tujie. Prints wall time, this process's CPU
// time (PostgreSQL's server CPU not included) and the load average. Also times the 图解 SVG and PNG.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { systemActor } from '../src/accounts/index.ts'
import {
  infographicData,
  rasteriseSvg,
  renderInfographicSvg,
} from '../src/annual-report/infographic/index.ts'
import { engineOf } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'
import { arg, dateExpr, load, openBenchDatabase, series, type BenchDatabase } from './support.ts'
import { getKaoheOverview, kaoheCsv, kaoheXlsx, sortKaohe } from '../src/supervision/index.ts'

const BENCH_DB: BenchDatabase = {
  sqliteFile: '/tmp/kaohe-tujie/kaohe.sqlite',
  pgDatabase: 'gongkai_kaohe_tujie',
  pgBase: process.env.KAOHE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432',
}
const NOW = '2026-11-27T00:00:00.000Z'
const ITEMS = 300
const CASES = 200
const APPEALS = 6

async function seed(db: DB, agencies: number): Promise<void> {
  const engine = engineOf(db)
  const text = (e: string) => (engine === 'sqlite' ? `(${e})` : `(${e})::text`)
  const run = (q: string) => sql.raw(q).execute(db)
  await run(`insert into agencies (id, parent_id, path, name, kind, created_at, updated_at)
    values (1, null, '/1/', '基准监督机关', 'government', '${NOW}', '${NOW}')`)
  await run(`insert into agencies (id, parent_id, path, name, kind, created_at, updated_at)
    ${series(engine, agencies)}
    select n + 1, 1, '/1/' || ${text('n + 1')} || '/', '基准下级机构' || ${text('n')},
      case when n % 10 = 0 then 'township' else 'department' end, '${NOW}', '${NOW}' from seq`)
  await run(`insert into catalogue_columns (id, agency_id, parent_id, name, slug, kind, position, created_at, updated_at)
    ${series(engine, agencies)}
    select n, n + 1, null, '基准栏目', 'bench', 'custom', 0, '${NOW}', '${NOW}' from seq`)
  const h = `((n * 2654435761) % 1000003)`
  const agency = (per: number) => `(2 + (n - 1) / ${per})`
  const published = dateExpr(engine, '2024-01-01', `${h} % 1000`)
  await run(`insert into catalogue_items (agency_id, column_id, status, title, publisher_name, published_on, validity,
      keywords, summary, body_html, body_text, item_type, published_on_time, view_count, published_at, created_at, updated_at)
    ${series(engine, agencies * ITEMS)}
    select ${agency(ITEMS)}, 1 + (n - 1) / ${ITEMS}, case when ${h} % 50 = 0 then 'withdrawn' else 'published' end,
      '基准信息', '基准', ${published}, 'valid', '', '', '', '', 'ordinary',
      case when ${h} % 10 < 3 then null when ${h} % 10 < 9 then 1 else 0 end, 0, '${NOW}', '${NOW}', '${NOW}'
    from seq`)
  const received = dateExpr(engine, '2024-01-01', `${h} % 1000`)
  const due = dateExpr(engine, '2024-01-01', `${h} % 1000 + 28`)
  const concluded = dateExpr(engine, '2024-01-01', `${h} % 1000 + 1 + ${h} % 35`)
  const open = `(${h} % 10 = 0)`
  await run(`insert into applications (agency_id, tracking_code, channel, description, form_wanted, delivery_method,
      created_at, updated_at, status, answer_state, received_on, due_date, concluded_on, outcome, event_count)
    ${series(engine, agencies * CASES)}
    select ${agency(CASES)}, 'KH' || ${text('n')}, 'online', '基准申请', 'electronic', 'email', '${NOW}', '${NOW}',
      case when ${open} then 'in_progress' when ${h} % 40 = 1 then 'abandoned' else 'answered' end, 'running',
      ${received}, ${due}, case when ${open} then null else ${concluded} end,
      case when ${open} then null when ${h} % 40 = 1 then 'abandoned_no_correction' else 'disclosed' end, 2
    from seq`)
  await run(`insert into appeals (agency_id, kind, case_number, filed_on, agency_role, outcome, concluded_on, created_at, updated_at)
    ${series(engine, agencies * APPEALS)}
    select ${agency(APPEALS)}, case n % 3 when 0 then 'review' when 1 then 'litigation_direct' else 'litigation_after_review' end,
      'KH' || ${text('n')}, '2025-01-10', 'original',
      case n % 4 when 0 then 'maintained' when 1 then 'corrected' when 2 then 'other' else 'pending' end,
      case when n % 4 = 3 then null else ${dateExpr(engine, '2025-01-01', `${h} % 500`)} end, '${NOW}', '${NOW}'
    from seq`)
  await run(`insert into report_versions (agency_id, year, version, item_id, report_json, tables_json, content_hash,
      error_count, published_at)
    ${series(engine, agencies)}
    select n + 1, 2025, 1, (n - 1) * ${ITEMS} + 1, '{}', '{}', 'x', 0,
      case when n % 2 = 0 then '2026-01-20T02:00:00.000Z' else '2026-02-10T02:00:00.000Z' end
    from seq where n % 3 <> 0`)
}

async function timed<T>(label: string, runs: number, fn: () => Promise<T> | T): Promise<T> {
  let result = await fn()
  const walls: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    result = await fn()
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  walls.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const mid = Math.floor(runs / 2)
  console.log(
    `${label}: wall median ${walls[mid]?.toFixed(0)} ms (min ${walls[0]?.toFixed(0)}, max ${walls.at(-1)?.toFixed(0)}), ` +
      `client CPU median ${cpu[mid]?.toFixed(0)} ms, n=${runs}, load ${load()}`,
  )
  return result
}

async function runEngine(engine: 'sqlite' | 'postgres', agencies: number, reuse: boolean): Promise<void> {
  const db = await openBenchDatabase(BENCH_DB, engine, !reuse)
  try {
    const existing = Number(
      (
        await db
          .selectFrom('agencies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    if (existing !== agencies + 1) {
      if (existing > 0) throw new Error(`${engine}: found ${existing} agencies; run without --reuse`)
      const t0 = performance.now()
      await db.transaction().execute((trx) => seed(trx, agencies))
      if (engine === 'postgres') await sql`vacuum analyze`.execute(db)
      else await sql`analyze`.execute(db)
      console.log(
        `${engine}: loaded ${agencies} agencies, ${agencies * ITEMS} items, ${agencies * CASES} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
    }
    const actor = systemActor('bench')
    const o = await timed(`${engine}: getKaoheOverview, ${agencies} agencies, 2025`, 5, () =>
      getKaoheOverview(db, actor, { agencyId: 1, year: 2025 }),
    )
    const sum = (k: 'itemsPublished' | 'answered' | 'overdueNow' | 'reviewCorrected') =>
      o.rows.reduce((s, r) => s + r[k], 0)
    console.log(
      `  rows ${o.rows.length}; items ${sum('itemsPublished')}, answered ${sum('answered')}, overdue ${sum('overdueNow')}, ` +
        `复议纠正 ${sum('reviewCorrected')}; unpublished ${o.rows.filter((r) => r.reportStatus === 'unpublished').length}`,
    )
    await timed(
      `${engine}: sort + CSV`,
      5,
      () => kaoheCsv('t', sortKaohe(o.rows, 'answeredOnTime', 'desc')).length,
    )
    await timed(
      `${engine}: sort + XLSX`,
      5,
      () => kaoheXlsx('t', 's', sortKaohe(o.rows, 'overdue', 'desc')).length,
    )
  } finally {
    await db.destroy()
  }
}

async function infographicBench(): Promise<void> {
  const cells: Record<string, number> = {
    't3.new_received.total': 120,
    't3.results_total.total': 118,
    't3.granted.total': 60,
  }
  const report = {
    format: 'gov2021' as const,
    year: 2025,
    agency: null,
    title: null,
    metadata: null,
    sections: {},
    cells,
    blank: [],
  }
  const others = [2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({ year, report }))
  const d = infographicData('基准机构', 2025, report, others)
  let svg = ''
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  for (let i = 0; i < 1000; i++) svg = renderInfographicSvg(d)
  const c = process.cpuUsage(c0)
  console.log(
    `图解 SVG: ${((performance.now() - t0) / 1000).toFixed(3)} ms wall, ${((c.user + c.system) / 1000 / 1000).toFixed(3)} ms CPU per image (n=1000), ${svg.length} chars, load ${load()}`,
  )
  const c1 = process.cpuUsage()
  const t1 = performance.now()
  const png = await rasteriseSvg(svg, 2)
  const cc = process.cpuUsage(c1)
  console.log(
    `图解 PNG 2×, first (fonts parsed): ${(performance.now() - t1).toFixed(0)} ms wall, ${((cc.user + cc.system) / 1000).toFixed(0)} ms CPU, ${png.length} bytes, load ${load()}`,
  )
  const t2 = performance.now()
  await rasteriseSvg(svg, 2)
  console.log(`图解 PNG 2×, same SVG again (cached): ${(performance.now() - t2).toFixed(2)} ms`)
}

export default async function kaoheBench(args: string[]): Promise<void> {
  const engineArg = arg(args, '--engine') ?? 'both'
  const agencies = Number(arg(args, '--agencies') ?? 1000)
  const reuse = args.includes('--reuse')
  const engines: ('sqlite' | 'postgres')[] =
    engineArg === 'both' ? ['sqlite', 'postgres'] : [engineArg as 'sqlite' | 'postgres']
  for (const engine of engines) await runEngine(engine, agencies, reuse)
  await infographicBench()
}
