// `npm run bench -- applications [--engine sqlite|postgres] [--cases N] [--sqlite-file F]` (PostgreSQL: a schema
// in DATABASE_TEST_URL's database — point it at a database of your own on a shared machine): N cases (default 100 000) over 100
// agencies, bulk-inserted with progress; then (a) recompute every case's derived columns from its event log
// with deriveCaseClock (target < 2 s), and (b) p50/p95 of the work-queue and public tracking operations
// (target < 50 ms p95; the page render adds its own time on top).
import { sql } from 'kysely'
import { performance } from 'node:perf_hooks'
import type { Actor, Agency, Role } from '../src/accounts/index.ts'
import { actorFor } from '../src/accounts/operations/sessions.ts'
import { insertUser } from '../src/accounts/user.queries.ts'
import { deriveCaseClock, listWorkQueue, trackApplication } from '../src/applications/index.ts'
import type { ClockEvent } from '../src/applications/index.ts'
import { derivedColumns } from '../src/applications/derived-columns.ts'
import { newTrackingCode } from '../src/applications/tracking-code.ts'
import { addCalendarDays, nationalCalendar } from '../src/calendar/index.ts'
import { isoNow } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'
import { buildAgency } from '../test/factories.ts'
import { arg, insertGeneratedCases, random, withFreshDatabase } from './support.ts'

const NOW = { now: new Date('2026-11-27T02:00:00Z') }

// A plausible log: most cases answered, some open in every state, received 2025-01 … 2026-11.
function generateCase(next: () => number): ClockEvent[] {
  const received = addCalendarDays('2025-01-02', Math.floor(next() * 690))
  const online = next() < 0.6
  const events: ClockEvent[] = [{ type: 'received', on: received, channel: online ? 'online' : 'in_person' }]
  let day = received
  const later = (max: number) => (day = addCalendarDays(day, 1 + Math.floor(next() * max)))
  const stop = () => day > '2026-11-26'
  if (online) {
    if (next() < 0.03) return events
    events.push({ type: 'confirmed', on: later(2) })
  }
  if (next() < 0.15) {
    events.push({
      type: 'correction_requested',
      on: later(5),
      correctionPeriodWorkingDays: 10,
      items: ['补正'],
    })
    if (next() < 0.1 || stop()) return events
    events.push({ type: 'correction_received', on: later(10) })
  }
  if (next() < 0.2) {
    events.push({ type: 'consultation_started', on: later(8), id: 'c1', party: 'third_party' })
    if (next() < 0.05 || stop()) return events
    events.push({ type: 'consultation_answered', on: later(15), id: 'c1', objection: false })
  }
  if (next() < 0.2) {
    events.push({
      type: 'extension_approved',
      on: later(10),
      approver: '主任',
      workingDays: 20,
      reason: '复杂',
    })
  }
  if (next() < 0.9 && !stop()) {
    const on = later(20)
    if (on <= '2026-11-27') {
      events.push({ type: 'answered', on, answerType: next() < 0.5 ? 'disclosed' : 'partially_disclosed' })
    }
  }
  return events
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN
}

async function timeIt(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await fn(i) // warm-up
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn(i)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(
    `${label}: p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms (n=${n})`,
  )
}

async function buildAgencies(db: DB, count: number): Promise<{ root: Agency; agencies: Agency[] }> {
  const root = await buildAgency(db, { name: '示例市人民政府' })
  const agencies: Agency[] = []
  for (let i = 1; i <= count; i++) {
    agencies.push(await buildAgency(db, { name: `示例市第${i}局`, parent: root }))
  }
  return { root, agencies }
}

async function buildActorIn(db: DB, agency: Agency, role: Role, n: number): Promise<Actor> {
  const now = isoNow()
  const user = await insertUser(
    db,
    {
      agency_id: agency.id,
      username: `bench-${role}-${n}`,
      display_name: `办理员${n}`,
      password_hash: 'x',
      must_change_password: 0,
      created_at: now,
      updated_at: now,
    },
    [role],
  )
  return actorFor(user)
}

export default async function (args: string[]): Promise<void> {
  const engine = arg(args, '--engine') === 'postgres' ? 'postgres' : 'sqlite'
  const count = Number(arg(args, '--cases') ?? 100_000)
  const url = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const sqliteFile = arg(args, '--sqlite-file') ?? 'bench/out/applications.sqlite'
  await withFreshDatabase(
    { engine, sqliteFile, pgUrl: url, pgSchema: `bench_applications_${process.pid}` },
    (db) => run(db, engine, count),
  )
}

async function run(db: DB, engine: string, count: number): Promise<void> {
  const calendar = nationalCalendar()
  const { root, agencies } = await buildAgencies(db, 100)
  const officers = await Promise.all(agencies.map((a, i) => buildActorIn(db, a, 'case_officer', i)))
  const supervisor = await buildActorIn(db, root, 'supervisor', 0)
  const next = random(42)
  const tracked: { code: string; phone: string }[] = []
  const now = isoNow()
  const chunk = 1000
  const t0 = performance.now()
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start)
    const cases = Array.from({ length: n }, () => {
      const events = generateCase(next)
      const agency = agencies[Math.floor(next() * agencies.length)] ?? root
      const phone = `139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`
      const officerId = officers[agencies.indexOf(agency)]?.userId ?? null
      return { events, agencyId: agency.id, officerId, phone, code: newTrackingCode() }
    })
    await db.transaction().execute((trx) => insertGeneratedCases(trx, cases, calendar, now))
    if (start % 5000 === 0) tracked.push(...cases.slice(0, 10).map((c) => ({ code: c.code, phone: c.phone })))
    if ((start + n) % 20_000 === 0 || start + n === count) {
      process.stdout.write(
        `\rinserted ${start + n}/${count} cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      )
    }
  }
  process.stdout.write('\n')
  if (engine === 'postgres') await sql`analyze`.execute(db)

  // (a) Recompute every case's derived columns from the event log.
  for (let runNo = 1; runNo <= 3; runNo++) {
    const tLoad = performance.now()
    const loadCpu = process.cpuUsage()
    const rows = await db
      .selectFrom('application_events')
      .select(['application_id', 'payload_json'])
      .orderBy('application_id')
      .orderBy('seq')
      .execute()
    const current = await db
      .selectFrom('applications')
      .select([
        'id',
        'status',
        'answer_state',
        'received_on',
        'due_date',
        'concluded_on',
        'outcome',
        'event_count',
      ])
      .execute()
    const tDerive = performance.now()
    const loadUsed = process.cpuUsage(loadCpu)
    const cpu = process.cpuUsage()
    const byId = new Map<number, ClockEvent[]>()
    for (const r of rows) {
      let list = byId.get(r.application_id)
      if (!list) byId.set(r.application_id, (list = []))
      list.push(JSON.parse(r.payload_json) as ClockEvent)
    }
    let changed = 0
    for (const c of current) {
      const d = derivedColumns(
        deriveCaseClock(byId.get(c.id) ?? [], calendar, { explain: false }),
        byId.get(c.id)?.length ?? 0,
      )
      if (
        d.status !== c.status ||
        d.due_date !== c.due_date ||
        d.answer_state !== c.answer_state ||
        d.received_on !== c.received_on ||
        d.concluded_on !== c.concluded_on ||
        d.outcome !== c.outcome ||
        d.event_count !== c.event_count
      ) {
        changed++
      }
    }
    const tEnd = performance.now()
    const used = process.cpuUsage(cpu)
    console.log(
      `(a) recompute run ${runNo}: ${current.length} cases, ${rows.length} events — load ${(tDerive - tLoad).toFixed(0)} ms wall (${((loadUsed.user + loadUsed.system) / 1000).toFixed(0)} ms CPU), ` +
        `parse + deriveCaseClock ${(tEnd - tDerive).toFixed(0)} ms wall (${((used.user + used.system) / 1000).toFixed(0)} ms CPU), total ${(tEnd - tLoad).toFixed(0)} ms; ${changed} rows would change`,
    )
  }

  // (b) Work queue and tracking.
  const pick = (i: number) => officers[(i * 37) % officers.length] as Actor
  await timeIt('(b) work queue, officer, open by due date (50 rows)', 200, (i) =>
    listWorkQueue(db, pick(i), { view: 'open' }, NOW),
  )
  await timeIt('(b) work queue, officer, due within 3 working days', 200, (i) =>
    listWorkQueue(db, pick(i), { view: 'due_soon' }, NOW),
  )
  await timeIt('(b) work queue, officer, overdue', 200, (i) =>
    listWorkQueue(db, pick(i), { view: 'overdue' }, NOW),
  )
  await timeIt('(b) work queue, officer, mine + search', 200, (i) =>
    listWorkQueue(db, pick(i), { view: 'open', officer: 'mine', search: '审批' }, NOW),
  )
  await timeIt('(b) work queue, 监督员 subtree of 100 agencies, open', 100, () =>
    listWorkQueue(db, supervisor, { view: 'open' }, NOW),
  )
  await timeIt('(b) work queue, 监督员 subtree, overdue', 100, () =>
    listWorkQueue(db, supervisor, { view: 'overdue' }, NOW),
  )
  await timeIt('(b) tracking lookup (code + phone)', 500, (i) => {
    const t = tracked[i % tracked.length] ?? { code: '', phone: '' }
    return trackApplication(db, { trackingCode: t.code, phone: t.phone })
  })
  await timeIt('(b) tracking lookup, wrong code', 200, async () => {
    await trackApplication(db, { trackingCode: newTrackingCode(), phone: '13900000000' }).catch(
      () => undefined,
    )
  })
}
