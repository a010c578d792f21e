// `gongkai import items` killed with SIGKILL mid-way (5,000 rows, batches of 250) and run again: the database
// ends with exactly 5,000 items, as many search documents and distinct 索引号 (the real command, both engines).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { describeDb, TEST_ENGINE } from '../../test/create-test-db.ts'
import { buildCatalogueDesk } from '../../test/factories.ts'
import { REPO_ROOT } from '../../test/run-cli.ts'
import { connect, type DB } from '../storage/index.ts'

const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const ROWS = 5000
const dir = mkdtempSync(join(tmpdir(), 'bulk-kill-'))
const schema = `bulkkill_${process.pid}_${randomBytes(4).toString('hex')}`

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
  rmSync(dir, { recursive: true, force: true })
  if (TEST_ENGINE === 'postgres') await admin(`drop schema if exists ${schema} cascade`).catch(() => undefined)
})

async function count(db: DB, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0)
}

describeDb('gongkai import items killed mid-way', () => {
  it('ends with exactly every row once after a kill -9 and a re-run', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_FROM_SOURCE: '1' }
    delete env.DATABASE_URL
    let db: DB
    if (TEST_ENGINE === 'postgres') {
      await admin(`create schema ${schema}`)
      env.DATABASE_URL = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
      db = await connect({ database: { engine: 'postgres', url: PG_URL } }, { pgSchema: schema, pgPoolSize: 2 })
    } else {
      db = await connect({ database: { engine: 'sqlite', file: join(dir, 'gongkai.sqlite') } })
    }
    try {
      const desk = await buildCatalogueDesk(db)
      const file = join(dir, 'items.jsonl')
      const lines = Array.from({ length: ROWS }, (_, i) =>
        JSON.stringify({ title: `中断测试信息${i + 1}`, publishedOn: '2024-07-01', bodyHtml: `<p>第${i + 1}条</p>` }),
      )
      writeFileSync(file, `${lines.join('\n')}\n`)
      const args = [
        join(REPO_ROOT, 'bin/gongkai.js'),
        'import',
        'items',
        file,
        '--agency',
        String(desk.agency.id),
        '--column',
        desk.column.slug,
        '--batch',
        '250',
      ]
      const committed = () =>
        count(db, sql<{ n: number }>`select coalesce(max(imported_rows), 0) as n from bulk_import_checkpoints`)
      const first = spawn(process.execPath, args, { env, stdio: 'ignore' })
      const exited = once(first, 'exit')
      let atKill = 0
      while (first.exitCode === null) {
        atKill = await committed()
        if (atKill >= 500) {
          first.kill('SIGKILL')
          break
        }
        await new Promise((r) => setTimeout(r, 50))
      }
      await exited
      expect(atKill).toBeGreaterThan(0)
      expect(atKill).toBeLessThan(ROWS) // killed mid-way, not after the end
      const second = spawn(process.execPath, args, { env, stdio: 'ignore' })
      const [code] = (await once(second, 'exit')) as [number]
      expect(code).toBe(0)
      expect(await count(db, sql<{ n: number }>`select count(*) as n from catalogue_items`)).toBe(ROWS)
      expect(await count(db, sql<{ n: number }>`select count(distinct title) as n from catalogue_items`)).toBe(ROWS)
      expect(await count(db, sql<{ n: number }>`select count(distinct index_number) as n from catalogue_items`)).toBe(
        ROWS,
      )
      expect(await count(db, sql<{ n: number }>`select count(*) as n from search_documents`)).toBe(ROWS)
      if (TEST_ENGINE === 'sqlite') {
        const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
        expect(rows.map((r) => r.integrity_check)).toEqual(['ok'])
      }
    } finally {
      await db.destroy()
    }
  }, 300_000)
})
