// Runs the real bin (`node bin/gongkai.js import pages …`): with --dry-run (reading, reporting, exit status),
// and saving into a SQLite file, whose items are then read back through the portal.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAgency, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { runGongkai as gongkai, type CliRun as Run } from '../../../test/run-cli.ts'
import { systemActor } from '../../accounts/index.ts'
import { ensureDefaultColumns } from '../../catalogue/index.ts'
import { connect } from '../../storage/index.ts'
import { buildTestServer } from '../../web/testing/web-test-kit.ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const seed = join(root, 'src/annual-report/fixtures/seed-tianshuijun-2021.txt')
const fixtures = join(root, 'src/catalogue/import/fixtures')

const target = ['--agency', '天水郡街道', '--column', 'gknb', '--dry-run']
const runs: Record<string, Run> = {}

// The runs start together: each boots the CLI through tsx, which is slow on a shared machine.
beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gongkai-import-cli-'))
  const empty = join(tmp, 'empty.txt')
  writeFileSync(empty, '\n\n')
  const [text, json, missing, unusable] = await Promise.all([
    gongkai('import', 'pages', seed, fixtures, ...target),
    gongkai('import', 'pages', seed, ...target, '--json'),
    gongkai('import', 'pages', join(tmp, 'nope.html'), ...target),
    gongkai('import', 'pages', empty, ...target),
  ])
  Object.assign(runs, { text, json, missing, unusable })
}, 120_000)

describe('gongkai import pages --dry-run', () => {
  it('reports per file what it read, from a file and a directory', () => {
    const { code, stdout } = runs.text ?? { code: -1, stdout: '' }
    expect(code).toBe(0)
    expect(stdout).toContain('索引号：20230618-163525-505')
    expect(stdout).toContain('发布机构：天水郡街道')
    expect(stdout).toContain('发布日期：2021-12-31')
    expect(stdout).toContain('标题：秦州区人民政府办公室关于印发2022年政务公开工作要点的通知')
    expect(stdout).toContain('问题：正文中的1张图片未导入')
    expect(stdout).toContain('共 2 个文件，已导入 0 个，跳过 2 个')
    expect(stdout).toContain('2 个：试运行（--dry-run），未保存')
  })

  it('prints what it read as JSON with --json', () => {
    const run = runs.json ?? { code: -1, stdout: '[]' }
    expect(run.code).toBe(0)
    const results = JSON.parse(run.stdout) as { page: { indexNumber: string; bodyHtml: string } }[]
    expect(results).toHaveLength(1)
    expect(results[0]?.page.indexNumber).toBe('20230618-163525-505')
    expect(results[0]?.page.bodyHtml).toContain('<table>')
  })

  it('exits 2 for a path that does not exist and 1 for a page with nothing to import', () => {
    expect(runs.missing?.code).toBe(2)
    expect(runs.missing?.stderr).toContain('文件或目录不存在')
    expect(runs.unusable?.code).toBe(1)
    expect(runs.unusable?.stdout).toContain('没有标题，未导入')
  })
})

describe('gongkai import pages (saving)', () => {
  let dataDir = ''
  let agencyId = 0
  let first: Run = { code: -1, stdout: '', stderr: '' }
  let again: Run = { code: -1, stdout: '', stderr: '' }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-import-save-'))
    const db = await connect({ database: { engine: 'sqlite', file: join(dataDir, 'gongkai.sqlite') } })
    try {
      const agency = await buildAgency(db, { name: '天水郡街道', creditCode: TEST_CREDIT_CODE })
      agencyId = agency.id
      await ensureDefaultColumns(db, systemActor('test'), agency.id)
    } finally {
      await db.destroy()
    }
    // The child inherits the environment: point it at this SQLite file, never at a configured PostgreSQL.
    process.env.GONGKAI_DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    first = await gongkai('import', 'pages', seed, fixtures, '--agency', '天水郡街道', '--column', 'annual-reports')
    again = await gongkai('import', 'pages', seed, '--agency', TEST_CREDIT_CODE, '--column', '政府信息公开年报')
  }, 120_000)

  it('saves each page as a published item and prints a summary', () => {
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('已导入（信息 1，索引号 20230618-163525-505）')
    expect(first.stdout).toContain('共 2 个文件，已导入 2 个，跳过 0 个')
  })

  it('skips a page whose 索引号 is already there, with the reason, and exits 1', () => {
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('共 1 个文件，已导入 0 个，跳过 1 个')
    expect(again.stdout).toContain('索引号 20230618-163525-505 已存在，已跳过（不覆盖已有信息）')
  })

  it('serves the imported seed page on the portal with its metadata and body', async () => {
    const db = await connect({ database: { engine: 'sqlite', file: join(dataDir, 'gongkai.sqlite') } })
    const app = await buildTestServer(db)
    try {
      const response = await app.inject({ method: 'GET', url: `/zfxxgk/${agencyId}/annual-reports/1.html` })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('秦州区天水郡街道2021年政府信息公开工作年度报告')
      expect(response.body).toContain('20230618-163525-505')
      expect(response.body).toContain('天水郡街道')
      expect(response.body).toContain('2021-12-31')
      expect(response.body).toContain('我街道收到依申请公开事项0项')
    } finally {
      await app.close()
      await db.destroy()
    }
  })
})
