// Runs the real bin (`node bin/gongkai.js import pages …`) with --dry-run: reading, reporting and exit status.
// Saving is the catalogue operation's part (see saveImportedPage).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { runGongkai as gongkai, type CliRun as Run } from '../../../test/run-cli.ts'

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
    expect(stdout).toContain('共 2 个文件，已保存 0 个')
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
