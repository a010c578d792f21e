// `npm run bench -- crash [sqlite|postgres] [kills=20] [rate=100]`: the kill -9 crash test with 20 kills
// (test/crash/crash-harness.ts): a real `gongkai serve` under application, item and publication writes is
// killed with SIGKILL at random moments and restarted; prints acknowledged writes, lost writes (must be 0),
// integrity_check, the rate achieved, the harness's CPU time and the load average. Own data only: a fresh
// SQLite directory under /tmp/bulk-crash/, or the PostgreSQL database `bench_crash`.
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import pg from 'pg'
import { runCrashTest } from '../test/crash/crash-harness.ts'

const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const PG_DB = 'bench_crash'

export default async function bench(args: string[]): Promise<void> {
  const engine = args[0] === 'postgres' ? 'postgres' : 'sqlite'
  const kills = Number(args[1] ?? 20)
  const rate = Number(args[2] ?? 100)
  const dataDir = `/tmp/bulk-crash/crash-${engine}`
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
  const load0 = loadavg()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const report = await runCrashTest({
    dataDir,
    kills,
    rate,
    upMs: [1000, 4000],
    log: (line) => console.log(line),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  })
  const cpu = process.cpuUsage(cpu0)
  const load1 = loadavg()
  const a = report.acknowledged
  console.log(`\ncrash ${engine}: ${report.kills} kills in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  console.log(
    `  acknowledged: ${a.applications} applications, ${a.items} items, ${a.publications} publications ` +
      `(${a.applications + a.items + a.publications} writes)`,
  )
  console.log(`  lost: ${JSON.stringify(report.lost)}; integrity_check: ${report.integrity}`)
  console.log(
    `  unacknowledged ${report.unacknowledged} ${JSON.stringify(report.errorStatuses)}; ` +
      `operations started ${report.achievedRate.toFixed(1)}/s over ${report.loadSeconds.toFixed(1)} s under load`,
  )
  console.log(`  harness CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (the server's is not counted)`)
  console.log(`  load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${load1.map((l) => l.toFixed(2)).join(' ')}`)
  const lost = report.lost.applications + report.lost.items + report.lost.publications
  const ok = lost === 0 && (engine === 'postgres' || report.integrity === 'ok')
  console.log(ok ? '  OK: every acknowledged write survived' : '  FAILED')
  if (!ok) process.exitCode = 1
}
