// `gongkai search order|reorder` through the real bin on a SQLite file (PostgreSQL's reordering is tested in
// src/search/reorder-documents.db.test.ts): nothing to do on SQLite, and a bad configuration exits with 2.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runGongkai as gongkai } from '../../../test/run-cli.ts'
import { connect } from '../../storage/index.ts'

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

describe('gongkai search', () => {
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.DATABASE_URL }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-search-cli-'))
    await (await connect({ database: { engine: 'sqlite', file: join(dataDir, 'gongkai.sqlite') } })).destroy()
    process.env.GONGKAI_DATA_DIR = dataDir
    delete process.env.DATABASE_URL
  })

  afterAll(() => {
    restore('GONGKAI_DATA_DIR', saved.dataDir)
    restore('DATABASE_URL', saved.url)
  })

  it('says that SQLite needs no reordering', async () => {
    const reorder = await gongkai('search', 'reorder')
    expect(reorder).toMatchObject({ code: 0, stderr: '' })
    expect(reorder.stdout).toContain('SQLite 的检索索引始终按发布时间排列，无需重排')
    const order = await gongkai('search', 'order')
    expect(order).toMatchObject({ code: 0, stderr: '' })
    expect(order.stdout).toContain('顺序相关度：无统计')
  }, 60_000)

  it('refuses a bad configuration with exit status 2 and a message', async () => {
    process.env.DATABASE_URL = 'mysql://somewhere/db'
    const run = await gongkai('search', 'reorder')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^gongkai search: .*DATABASE_URL/)
    expect(run.stdout).toBe('')
    delete process.env.DATABASE_URL
  }, 60_000)
})
