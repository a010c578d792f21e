// Crash safety on the engine of this vitest project: a real `gongkai serve` is killed with SIGKILL 5 times while
// applications, items and publications arrive; every acknowledged write must survive and SQLite's
// integrity_check must be ok. The 20-kill variant with figures is `npm run bench -- crash`.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { describeDb, TEST_ENGINE } from '../../test/create-test-db.ts'
import { runCrashTest } from '../../test/crash/crash-harness.ts'

const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-crash-'))
const schema = `crash_${process.pid}_${randomBytes(4).toString('hex')}`

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true })
  if (TEST_ENGINE === 'postgres')
    {await admin(`drop schema if exists ${schema} cascade`).catch(() => undefined)}
})

describeDb('kill -9 of gongkai serve under writes', () => {
  it('keeps every acknowledged application, item and publication through 5 kills', async () => {
    let databaseUrl: string | undefined
    if (TEST_ENGINE === 'postgres') {
      await admin(`create schema ${schema}`)
      databaseUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    }
    const report = await runCrashTest({
      dataDir,
      kills: 5,
      rate: 100,
      upMs: [800, 2500],
      ...(databaseUrl === undefined ? {} : { databaseUrl, pgSchema: schema }),
    })
    const acked = report.acknowledged
    // Not vacuous: writes of every kind were acknowledged before the kills.
    expect(acked.applications).toBeGreaterThan(0)
    expect(acked.items).toBeGreaterThan(0)
    expect(acked.publications).toBeGreaterThan(0)
    expect(report.lost).toEqual({ applications: 0, items: 0, publications: 0 })
    if (TEST_ENGINE === 'sqlite') expect(report.integrity).toBe('ok')
    // Refusals would mean the driver is wrong, not the server: only dropped connections may go unanswered.
    expect(Object.keys(report.errorStatuses).filter((k) => /^\w+ \d{3}$/.test(k))).toEqual([])
  }, 600_000)
})
