// `npm run bench -- bulk-import [--rows 1000000] [--engine sqlite|postgres] [--kill-at 0.4] [--batch 5000]` (or the same
// positionally: `[rows] [engine] [killAt] [batch]`): `gongkai import items` on a
// generated JSONL file (kept under /tmp/bulk-crash/), run as the real command in a child process; the first
// run is killed with SIGKILL once `killAt` of the rows are committed, the second run resumes it. Checks that the
// database ends with exactly `rows` items (and as many search documents and distinct 索引号), PRAGMA
// integrity_check on SQLite, and prints wall time, CPU time (from /proc) per run, rows/s and the load average.
// BENCH_NODE_ARGS is given to the import's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`). Own databases
// only: a fresh SQLite file in /tmp/bulk-crash/, or the PostgreSQL database `bench_bulk_crash`.
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { sql } from 'kysely'
import pg from 'pg'
import { connect, type DB } from '../src/storage/index.ts'
import { buildCatalogueDesk } from '../test/factories.ts'

const DIR = '/tmp/bulk-crash'
const ROOT = new URL('..', import.meta.url).pathname
const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const PG_DB = 'bench_bulk_crash'

async function generate(file: string, rows: number): Promise<void> {
  if (existsSync(file)) return
  const out = createWriteStream(file)
  for (let n = 1; n <= rows; n++) {
    const year = 2015 + (n % 11)
    const day = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`
    const row = {
      title: `关于印发第${n}号工作方案的通知`,
      publishedOn: day,
      writtenOn: day,
      // Half the rows keep their 索引号, the other half get one from the agency's scheme.
      ...(n % 2 === 0 ? { indexNumber: `BULK/${year}-${String(n).padStart(7, '0')}` } : {}),
      docNumber: `示政发〔${year}〕${n % 300}号`,
      keywords: ['示例', '方案'],
      bodyHtml: `<p>第${n}号方案正文：为进一步做好政府信息公开工作，现将有关事项通知如下。</p>`,
    }
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** utime + stime of a process in seconds (Linux /proc; 0 once it has gone). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

interface Run {
  wallS: number
  cpuS: number
  killed: boolean
  code: number | null
}

async function runImport(
  env: NodeJS.ProcessEnv,
  args: string[],
  killWhen: (() => Promise<boolean>) | null,
): Promise<Run> {
  const started = performance.now()
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '')
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(ROOT, 'bin/gongkai.js'), 'import', 'items', ...args],
    {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  let cpu = 0
  let killed = false
  const timer = setInterval(() => {
    cpu = Math.max(cpu, cpuSeconds(child.pid as number))
  }, 100)
  const poll = killWhen
    ? (async () => {
        while (child.exitCode === null && !killed) {
          if (await killWhen()) {
            cpu = Math.max(cpu, cpuSeconds(child.pid as number))
            child.kill('SIGKILL')
            killed = true
            break
          }
          await new Promise((r) => setTimeout(r, 200))
        }
      })()
    : Promise.resolve()
  const [code] = (await once(child, 'exit')) as [number | null]
  clearInterval(timer)
  await poll
  return { wallS: (performance.now() - started) / 1000, cpuS: cpu, killed, code }
}

async function scalar(db: DB, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0)
}

/**
 * The options, named (`--rows N --engine sqlite|postgres --kill-at F --batch N`) or positional as before
 * (`[rows] [engine] [killAt] [batch]`).
 */
function parseArgs(args: string[]): {
  rows: number
  engine: 'sqlite' | 'postgres'
  killAt: number
  batch: number
} {
  const named = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a.startsWith('--')) named.set(a.slice(2), args[++i] ?? '')
    else positional.push(a)
  }
  const engine = named.get('engine') ?? positional[1] ?? 'sqlite'
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres')
  const options: ReturnType<typeof parseArgs> = {
    rows: Number(named.get('rows') ?? positional[0] ?? 1_000_000),
    engine,
    killAt: Number(named.get('kill-at') ?? positional[2] ?? 0.4),
    batch: Number(named.get('batch') ?? positional[3] ?? 5000),
  }
  if (!Number.isInteger(options.rows) || options.rows < 1) {
    throw new Error('--rows must be a whole number ≥ 1')
  }
  if (!(options.killAt > 0 && options.killAt < 1)) throw new Error('--kill-at must be between 0 and 1')
  return options
}

export default async function bench(args: string[]): Promise<void> {
  const { rows, engine, killAt, batch: batchSize } = parseArgs(args)
  const batch = String(batchSize)
  mkdirSync(DIR, { recursive: true })
  const file = join(DIR, `items-${rows}.jsonl`)
  const t0 = performance.now()
  await generate(file, rows)
  rmSync(`${file}.rejected.jsonl`, { force: true })
  console.log(`input ${file} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const dataDir = join(DIR, `data-${engine}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  let databaseUrl: string | undefined
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_ADMIN })
    await admin.connect()
    await admin.query(`drop database if exists ${PG_DB}`)
    await admin.query(`create database ${PG_DB}`)
    await admin.end()
    databaseUrl = PG_ADMIN.replace(/\/[^/]*$/, `/${PG_DB}`)
  }
  const database =
    engine === 'postgres'
      ? { engine: 'postgres' as const, url: databaseUrl as string }
      : { engine: 'sqlite' as const, file: join(dataDir, 'gongkai.sqlite') }
  const db = await connect({ database })
  const desk = await buildCatalogueDesk(db, { name: '批量导入基准测试机构' })
  const env = {
    ...process.env,
    GONGKAI_DATA_DIR: dataDir,
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  }
  const cliArgs = [file, '--agency', String(desk.agency.id), '--column', desk.column.slug, '--batch', batch]
  const load0 = loadavg()
  const imported = () =>
    scalar(db, sql<{ n: number }>`select coalesce(max(imported_rows), 0) as n from bulk_import_checkpoints`)

  console.log(`run 1: killed with SIGKILL once ${Math.round(killAt * 100)} % of ${rows} rows are committed`)
  const first = await runImport(env, cliArgs, async () => (await imported()) >= rows * killAt)
  const afterFirst = await imported()
  console.log(`run 2: resume`)
  const second = await runImport(env, cliArgs, null)
  const load1 = loadavg()

  const items = await scalar(db, sql<{ n: number }>`select count(*) as n from catalogue_items`)
  const distinct = await scalar(
    db,
    sql<{ n: number }>`select count(distinct index_number) as n from catalogue_items`,
  )
  const docs = await scalar(db, sql<{ n: number }>`select count(*) as n from search_documents`)
  let integrity = 'n/a'
  if (engine === 'sqlite') {
    const { rows: check } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
    integrity = check.map((r) => r.integrity_check).join(',')
  }
  await db.destroy()
  const total = first.wallS + second.wallS
  const fmt = (r: Run, n: number) =>
    `${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, ${Math.round(n / r.wallS)} rows/s, ` +
    `${((r.cpuS / Math.max(n, 1)) * 1e6).toFixed(0)} µs CPU/row, exit ${r.code ?? 'SIGKILL'}`
  console.log(`\nbulk-import ${engine}, ${rows} rows, --batch ${batch}`)
  console.log(`  run 1 (killed=${first.killed} after ${afterFirst} committed): ${fmt(first, afterFirst)}`)
  console.log(`  run 2 (resumed, ${rows - afterFirst} rows): ${fmt(second, rows - afterFirst)}`)
  console.log(
    `  total ${total.toFixed(1)} s wall (${Math.round(rows / total)} rows/s), ${(first.cpuS + second.cpuS).toFixed(1)} s CPU`,
  )
  console.log(
    `  items ${items}, distinct 索引号 ${distinct}, search documents ${docs}, integrity_check ${integrity}`,
  )
  console.log(
    `  load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${load1.map((l) => l.toFixed(2)).join(' ')}`,
  )
  const ok =
    items === rows && distinct === rows && docs === rows && (engine !== 'sqlite' || integrity === 'ok')
  console.log(ok ? '  OK: exactly every row once' : '  FAILED: counts differ')
  if (!ok) process.exitCode = 1
}
