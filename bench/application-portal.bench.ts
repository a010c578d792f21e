// `npm run bench -- application-portal [--engine sqlite|postgres] [--cases N] [--pg-url URL]
// [--sqlite-file F]`: the public 依申请公开 pages through the whole server (app.inject: routing, CSRF, body
// parsing, operation, JSX render) on N cases (default 100 000) over 100 agencies. Prints p50/p95 wall time and
// CPU time per request (the machine is shared) and the load average: the form page, a submit (multipart, no
// file), a tracking lookup that finds the case (target < 50 ms p95) and one that does not. PostgreSQL: a
// schema of its own in --pg-url's database (use a database of your own on a shared machine), dropped after.
import { rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { insertAgency } from '../src/accounts/agency.queries.ts'
import type { Agency } from '../src/accounts/index.ts'
import type { ClockEvent } from '../src/applications/index.ts'
import { deriveCaseClock } from '../src/applications/index.ts'
import { derivedColumns } from '../src/applications/derived-columns.ts'
import { newTrackingCode } from '../src/applications/tracking-code.ts'
import { addCalendarDays, nationalCalendar } from '../src/calendar/index.ts'
import { DEFAULT_LIMITS } from '../src/config.ts'
import { connect, isoNow } from '../src/storage/index.ts'
import type { DB } from '../src/storage/index.ts'
import { buildServer } from '../src/web/server.ts'
import { openForm, postIntake, postUrlencoded, validFields } from '../src/web/portal/applications/test-kit.ts'

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
  for (let i = 0; i < 100; i++) {
    agencies.push(
      await insertAgency(
        db,
        {
          parent_id: null,
          name: `示例机构${i}`,
          kind: 'department',
          credit_code: null,
          org_code: null,
          site_code: null,
          site_sponsor: null,
          icp_record: null,
          police_record: null,
          guide_office: null,
          guide_address: null,
          guide_hours: null,
          guide_phone: null,
          guide_fax: null,
          guide_email: null,
          guide_postcode: null,
          created_at: now,
          updated_at: now,
        },
        '',
      ),
    )
  }
  const next = random(7)
  const tracked: { code: string; phone: string }[] = []
  const t0 = performance.now()
  for (let start = 0; start < count; start += 1000) {
    const cases = Array.from({ length: Math.min(1000, count - start) }, () => ({
      events: generateCase(next),
      agencyId: agencies[Math.floor(next() * agencies.length)]?.id ?? 1,
      phone: `139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
      code: newTrackingCode(),
    }))
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto('applications')
        .values(
          cases.map((c) => ({
            agency_id: c.agencyId,
            tracking_code: c.code,
            channel: 'online',
            description: '关于某项目审批材料的政府信息',
            document_ref: null,
            form_wanted: 'electronic',
            delivery_method: 'email',
            intake_note: null,
            idempotency_key: null,
            officer_id: null,
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
      await trx
        .insertInto('application_events')
        .values(
          cases.flatMap((c, i) =>
            c.events.map((e, k) => ({
              application_id: ids[i]?.id ?? 0,
              seq: k + 1,
              type: e.type,
              payload_json: JSON.stringify(e),
              on_date: e.on,
              recorded_at: now,
              actor_id: null,
            })),
          ),
        )
        .execute()
    })
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
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  console.log(
    `${label.padEnd(44)} n=${n}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  cpu ${cpuMs} ms/req  load ${load}`,
  )
}

export default async function (args: string[]): Promise<void> {
  const engine = arg(args, '--engine') === 'postgres' ? 'postgres' : 'sqlite'
  const count = Number(arg(args, '--cases') ?? 100_000)
  const url = arg(args, '--pg-url') ?? 'postgres://postgres@127.0.0.1:5432/apps_public_bench'
  const schema = `bench_apply_portal_${process.pid}`
  const file = arg(args, '--sqlite-file') ?? 'bench/out/application-portal.sqlite'
  if (engine === 'postgres') {
    const admin = await connect({ database: { engine: 'postgres', url } }, { migrate: false })
    await admin.schema.createSchema(schema).execute()
    await admin.destroy()
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  }
  let db: DB | undefined
  try {
    db =
      engine === 'sqlite'
        ? await connect({ database: { engine: 'sqlite', file } })
        : await connect({ database: { engine: 'postgres', url } }, { pgSchema: schema })
    console.log(`application-portal bench: ${engine}, ${count} cases`)
    const tracked = await seed(db, count)
    await run(db, tracked)
  } finally {
    await db?.destroy()
    if (engine === 'postgres') {
      const admin = await connect({ database: { engine: 'postgres', url } }, { migrate: false })
      await admin.schema.dropSchema(schema).cascade().execute()
      await admin.destroy()
    }
  }
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
