// `npm run bench -- report-compute [--engine sqlite|postgres|both] [--applications N] [--agencies N] [--reuse]`
// (a) one agency with N applications (default 1,000,000; received 2022–2026, most concluded within two months,
//     all outcomes and applicant types): computeAnnualReport for 2025 (target < 1 s on each engine);
// (b) a supervising office with M subordinate agencies (default 10,000; 20 applications, 4 hand-entered figures
//     and a few appeals each): aggregateReports for 2025 (target < 3 s).
// Data is bulk-inserted with one INSERT … SELECT per table (recursive CTE / generate_series), in our own SQLite
// file under /tmp/report-compute/ and our own PostgreSQL database gongkai_report_compute (created with psql if
// absent). The event logs are not generated: the report reads only the derived columns. After loading, VACUUM
// ANALYZE (PostgreSQL: statistics and the visibility map the index-only scans need) or ANALYZE (SQLite), as an
// operator would after a bulk import. Prints wall time, this process's CPU time, on PostgreSQL the CPU time of
// the server backends serving the bench (from /proc; parallel workers not included), and the load average.
// `--reuse` keeps the generated data (pending migrations still run on connect).
import { existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { aggregateReports, computeAnnualReport } from '../src/annual-report/compute/index.ts'
import { OUTCOME_MAPPINGS } from '../src/applications/index.ts'
import { engineOf } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'
import { arg, dateExpr, load, openBenchDatabase, series, type BenchDatabase } from './support.ts'

const BENCH_DB: BenchDatabase = {
  sqliteFile: '/tmp/report-compute/report-compute.sqlite',
  pgDatabase: 'gongkai_report_compute',
  pgBase: process.env.REPORT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432',
}
const OUTCOMES = Object.keys(OUTCOME_MAPPINGS)
const SUBTYPES = ['commercial', 'research', 'public_interest', 'legal_services', 'other']
const NOW = '2026-11-27T00:00:00.000Z'

async function insertAgencies(
  db: DB,
  first: number,
  count: number,
  parent: number | null,
  parentPath: string,
  name: string,
): Promise<void> {
  const engine = engineOf(db)
  const id = `(${first} + n - 1)`
  const text = (e: string) => (engine === 'sqlite' ? `(${e})` : `(${e})::text`)
  await sql
    .raw(
      `insert into agencies (id, parent_id, path, name, kind, created_at, updated_at)
       ${series(engine, count)}
       select ${id}, ${parent ?? 'null'}, '${parentPath}' || ${text(id)} || '/',
              '${name}' || ${text('n')}, 'department', '${NOW}', '${NOW}' from seq`,
    )
    .execute(db)
  if (engine === 'postgres') {
    await sql
      .raw(`select setval(pg_get_serial_sequence('agencies', 'id'), (select max(id) from agencies))`)
      .execute(db)
  }
}

/**
 * `count` applications with ids first..first+count-1 for `agencyExpr` (an SQL expression of n): received on a
 * pseudo-random day of 2022–2026; 97% concluded 1–60 days later (across year ends) with a pseudo-random outcome.
 */
async function insertApplications(db: DB, first: number, count: number, agencyExpr: string): Promise<void> {
  const engine = engineOf(db)
  const h = `((n * 2654435761) % 1000003)`
  const received = dateExpr(engine, '2022-01-01', `${h} % 1825`)
  const open = `(${h} % 100 < 3)`
  const concluded = dateExpr(engine, '2022-01-01', `${h} % 1825 + 1 + (${h} % 60)`)
  const outcomeCase = `case ${OUTCOMES.map((o, i) => `when (${h} / 7) % ${OUTCOMES.length} = ${i} then '${o}'`).join(' ')} end`
  const text = (e: string) => (engine === 'sqlite' ? `(${e})` : `(${e})::text`)
  await sql
    .raw(
      `insert into applications (id, agency_id, tracking_code, channel, description, form_wanted, delivery_method,
         created_at, updated_at, status, answer_state, received_on, due_date, concluded_on, outcome, event_count)
       ${series(engine, count)}
       select ${first} + n - 1, ${agencyExpr}, 'RC' || ${text(`${first} + n - 1`)}, 'in_person', '基准测试申请', 'electronic', 'email',
         '${NOW}', '${NOW}',
         case when ${open} then 'in_progress' else 'answered' end, 'running', ${received}, null,
         case when ${open} then null else ${concluded} end,
         case when ${open} then null else ${outcomeCase} end, 2
       from seq`,
    )
    .execute(db)
  const subtype = `case ${SUBTYPES.map((s, i) => `when (${h} / 11) % 5 = ${i} then '${s}'`).join(' ')} end`
  await sql
    .raw(
      `insert into application_applicants (application_id, applicant_type, org_subtype, name, id_type, id_number, phone)
       ${series(engine, count)}
       select ${first} + n - 1,
         case when ${h} % 10 < 7 then 'natural_person' else 'organisation' end,
         case when ${h} % 10 < 7 then null else ${subtype} end,
         '申请人', 'resident_id', '11010519491231002X', '13900000000'
       from seq`,
    )
    .execute(db)
  if (engine === 'postgres') {
    await sql
      .raw(`select setval(pg_get_serial_sequence('applications', 'id'), (select max(id) from applications))`)
      .execute(db)
  }
}

async function insertFiguresAndAppeals(db: DB, firstAgency: number, count: number): Promise<void> {
  const engine = engineOf(db)
  const cells = [
    ['t2.art20_5.administrative_licensing.decisions_this_year', '(n % 500)'],
    ['t2.art20_6.administrative_penalty.decisions_this_year', '(n % 80)'],
    ['t2.art20_6.administrative_coercion.decisions_this_year', '(n % 7)'],
    ['t2.art20_8.administrative_fees.fee_amount', "(n % 100) || '.25'"],
  ]
  for (const [cell, value] of cells) {
    await sql
      .raw(
        `insert into report_manual_figures (agency_id, year, cell, value, source, updated_at)
         ${series(engine, count)}
         select ${firstAgency} + n - 1, 2025, '${cell}', ${engine === 'sqlite' ? `${value}` : `(${value})::text`}, '基准测试', '${NOW}' from seq`,
      )
      .execute(db)
  }
  const kinds = `case n % 3 when 0 then 'review' when 1 then 'litigation_direct' else 'litigation_after_review' end`
  const outcomes = `case n % 4 when 0 then 'maintained' when 1 then 'corrected' when 2 then 'other' else 'pending' end`
  await sql
    .raw(
      `insert into appeals (agency_id, kind, case_number, filed_on, agency_role, outcome, concluded_on, created_at, updated_at)
       ${series(engine, count * 2)}
       select ${firstAgency} + (n % ${count}), ${kinds}, 'B' || ${engine === 'sqlite' ? 'n' : 'n::text'}, ${dateExpr(engine, '2025-01-01', 'n % 300')}, 'original', ${outcomes},
         case when n % 4 = 3 then null else ${dateExpr(engine, '2025-01-01', 'n % 300 + 30')} end, '${NOW}', '${NOW}'
       from seq`,
    )
    .execute(db)
}

/**
 * CPU time (ms) of the PostgreSQL server processes serving this database, read from /proc (the server runs on
 * this machine in the bench setup; undefined otherwise). Parallel workers are short-lived processes and are
 * not included, so with parallel plans this is the leader's share only.
 */
async function serverCpuMs(db: DB): Promise<number | undefined> {
  if (engineOf(db) !== 'postgres') return undefined
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend'`.execute(db)
  let total = 0
  for (const { pid } of rows) {
    const file = `/proc/${pid}/stat`
    if (!existsSync(file)) return undefined
    const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? []
    total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 10 ms
  }
  return total
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function timed<T>(db: DB, label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  let result = await fn() // warm-up: statement caches, page cache
  const walls: number[] = []
  const cpu: number[] = []
  const server: number[] = []
  for (let i = 0; i < runs; i++) {
    const s0 = await serverCpuMs(db)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    result = await fn()
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
    const s1 = await serverCpuMs(db)
    if (s0 !== undefined && s1 !== undefined) server.push(s1 - s0)
  }
  const serverText =
    server.length > 0 ? `, server CPU median ${median(server).toFixed(0)} ms (leader backends)` : ''
  console.log(
    `${label}: wall median ${median(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}, max ${Math.max(...walls).toFixed(0)}), ` +
      `client CPU median ${median(cpu).toFixed(0)} ms${serverText}, n=${runs}, load ${load()}`,
  )
  return result
}

async function run(engine: 'sqlite' | 'postgres', args: string[]): Promise<void> {
  const applications = Number(arg(args, '--applications') ?? 1_000_000)
  const agencies = Number(arg(args, '--agencies') ?? 10_000)
  const perAgency = 20
  const reuse = args.includes('--reuse')
  const db = await openBenchDatabase(BENCH_DB, engine, !reuse)
  try {
    const existing = Number(
      (
        await db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const expected = applications + agencies * perAgency
    if (!reuse || existing !== expected) {
      if (existing > 0) {
        throw new Error(
          `${engine}: found ${existing} applications, expected ${expected}; run without --reuse`,
        )
      }
      const t0 = performance.now()
      await db.transaction().execute(async (trx) => {
        await insertAgencies(trx, 1, 1, null, '/', '基准单一机构')
        await insertApplications(trx, 1, applications, '1')
        await insertAgencies(trx, 2, 1, null, '/', '基准汇总上级机构')
        await insertAgencies(trx, 3, agencies, 2, '/2/', '基准下级机构')
        await insertApplications(trx, applications + 1, agencies * perAgency, `3 + ((n - 1) % ${agencies})`)
        await insertFiguresAndAppeals(trx, 3, agencies)
      })
      if (engine === 'postgres') await sql`vacuum analyze`.execute(db)
      else await sql`analyze`.execute(db)
      console.log(
        `${engine}: loaded ${expected} applications, ${agencies + 2} agencies in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
    }
    const one = await timed(
      db,
      `${engine}: computeAnnualReport, 1 agency, ${applications} applications, year 2025`,
      5,
      () => computeAnnualReport(db, { agencyId: 1, year: 2025 }),
    )
    const c = one.report.cells
    console.log(
      `  表三 2025: 新收 ${c['t3.new_received.total']}, 上年结转 ${c['t3.carried_over.total']}, 办结 ${c['t3.results_total.total']}, ` +
        `结转 ${c['t3.carried_forward.total']}; balance ${one.balance.holds ? 'holds' : 'FAILS'}; ` +
        `errors ${one.findings.filter((f) => f.severity === 'error').length}`,
    )
    const agg = await timed(db, `${engine}: aggregateReports, ${agencies} agencies, year 2025`, 3, () =>
      aggregateReports(db, { supervisingAgencyId: 2, year: 2025 }),
    )
    console.log(
      `  sum 新收 ${agg.report.cells['t3.new_received.total']}, 行政复议 ${agg.report.cells['t4.count.review_total']}, ` +
        `收费 ${agg.report.cells['t2.art20_8.administrative_fees.fee_amount']} 万元; agencies with errors ${agg.withErrors.length}, incomplete ${agg.incomplete.length}`,
    )
  } finally {
    await db.destroy()
  }
}

export default async function (args: string[]): Promise<void> {
  const which = arg(args, '--engine') ?? 'both'
  console.log(`report-compute bench — ${cpus().length} CPUs, load ${load()}`)
  if (which === 'sqlite' || which === 'both') await run('sqlite', args)
  if (which === 'postgres' || which === 'both') await run('postgres', args)
}
