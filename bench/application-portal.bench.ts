// `npm run bench -- application-portal [--engine sqlite|postgres] [--cases N] [--pg-url URL]
// [--sqlite-file F]`: the public 依申请公开 pages through the whole server (app.inject: routing, CSRF, body
// parsing, operation, JSX render) on N cases (default 100 000) over 100 agencies. Prints p50/p95 wall time and
// CPU time per request (the machine is shared) and the load average: the form page, a submit (multipart, no
// file), a tracking lookup that finds the case (target < 50 ms p95) and one that does not. PostgreSQL: a
// schema of its own in --pg-url's database (use a database of your own on a shared machine), dropped after.
import { performance } from 'node:perf_hooks'
import type { Agency } from '../src/accounts/index.ts'
import type { ClockEvent } from '../src/applications/index.ts'
import { newTrackingCode } from '../src/applications/tracking-code.ts'
import { addCalendarDays, nationalCalendar } from '../src/calendar/index.ts'
import { DEFAULT_LIMITS } from '../src/config.ts'
import { isoNow } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'
import { buildServer } from '../src/web/server.ts'
import { openForm, postIntake, postUrlencoded, validFields } from '../src/web/portal/applications/test-kit.ts'
import { buildAgency } from '../test/factories.ts'
import { arg, insertGeneratedCases, load, random, withFreshDatabase } from './support.ts'

// Received 2025-01 … 2026-11; most confirmed, some with a 补正 request.
function generateCase(next: () => number): ClockEvent[] {
  const received = addCalendarDays('2025-01-02', Math.floor(next() * 690))
  const events: ClockEvent[] = [{ type: 'received', on: received, channel: 'online' }]
  if (next() < 0.05) return events
  const confirmed = addCalendarDays(received, 1)
  events.push({ type: 'confirmed', on: confirmed })
  if (next() < 0.2) {
    events.push({
      type: 'correction_requested',
      on: addCalendarDays(confirmed, 2),
      correctionPeriodWorkingDays: 10,
      items: ['请明确所需信息的年份', '请补充项目名称'],
    })
  }
  return events
}

async function seed(db: DB, count: number): Promise<{ code: string; phone: string }[]> {
  const calendar = nationalCalendar()
  const now = isoNow()
  const agencies: Agency[] = []
  for (let i = 0; i < 100; i++) agencies.push(await buildAgency(db, { name: `示例机构${i}` }))
  const next = random(7)
  const tracked: { code: string; phone: string }[] = []
  const t0 = performance.now()
  for (let start = 0; start < count; start += 1000) {
    const cases = Array.from({ length: Math.min(1000, count - start) }, () => ({
      events: generateCase(next),
      agencyId: agencies[Math.floor(next() * agencies.length)]?.id ?? 1,
      officerId: null,
      phone: `139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
      code: newTrackingCode(),
    }))
    await db.transaction().execute((trx) => insertGeneratedCases(trx, cases, calendar, now))
    if (start % 10_000 === 0) {
      tracked.push(...cases.slice(0, 20).map((c) => ({ code: c.code, phone: c.phone })))
    }
    if ((start + 1000) % 20_000 === 0) {
      console.log(`  seeded ${start + 1000} cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    }
  }
  return tracked
}

async function timeIt(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i)
  const times: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    times.push(performance.now() - t)
  }
  const cpu = process.cpuUsage(cpu0)
  times.sort((a, b) => a - b)
  const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2)
  const cpuMs = ((cpu.user + cpu.system) / 1000 / n).toFixed(2)
  console.log(
    `${label.padEnd(44)} n=${n}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  cpu ${cpuMs} ms/req  load ${load()}`,
  )
}

export default async function (args: string[]): Promise<void> {
  const engine = arg(args, '--engine') === 'postgres' ? 'postgres' : 'sqlite'
  const count = Number(arg(args, '--cases') ?? 100_000)
  const url = arg(args, '--pg-url') ?? 'postgres://postgres@127.0.0.1:5432/apps_public_bench'
  const sqliteFile = arg(args, '--sqlite-file') ?? 'bench/out/application-portal.sqlite'
  await withFreshDatabase(
    { engine, sqliteFile, pgUrl: url, pgSchema: `bench_apply_portal_${process.pid}` },
    async (db) => {
      console.log(`application-portal bench: ${engine}, ${count} cases`)
      const tracked = await seed(db, count)
      await run(db, tracked)
    },
  )
}

async function run(db: DB, tracked: { code: string; phone: string }[]): Promise<void> {
  const app = await buildServer({
    db,
    config: {
      secureCookies: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      limits: { ...DEFAULT_LIMITS, applySubmitsPerHour: 1e9, trackLookupsPerHour: 1e9 },
    },
  })
  try {
    const agencyId = 1
    const form = await openForm(app, `/zfxxgk/${agencyId}/ysqgk/`)
    const track = await openForm(app, '/ysqgk/track')
    await timeIt('GET form page', 300, () => app.inject({ method: 'GET', url: `/zfxxgk/${agencyId}/ysqgk/` }))
    await timeIt('POST submit (multipart, new case each)', 200, async (i) => {
      const r = await postIntake(
        app,
        { ...form, formKey: `bench-${process.pid}-${i}-${Date.now()}` },
        agencyId,
        validFields(),
      )
      if (r.statusCode !== 200) throw new Error(`submit ${r.statusCode}`)
    })
    await timeIt('POST tracking lookup, found (page rendered)', 500, async (i) => {
      const t = tracked[i % tracked.length] ?? { code: '', phone: '' }
      const r = await postUrlencoded(app, track, '/ysqgk/track', { trackingCode: t.code, phone: t.phone })
      if (r.statusCode !== 200) throw new Error(`track ${r.statusCode}`)
    })
    await timeIt('POST tracking lookup, wrong code', 300, async () => {
      const r = await postUrlencoded(app, track, '/ysqgk/track', {
        trackingCode: newTrackingCode(),
        phone: '13900000000',
      })
      if (r.statusCode !== 404) throw new Error(`miss ${r.statusCode}`)
    })
  } finally {
    await app.close()
  }
}
