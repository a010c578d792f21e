// The real `gongkai backup` and `gongkai restore` commands on a SQLite data directory: exit statuses and
// messages (the round trip itself is tested table by table in src/ops/backup.db.test.ts).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'gongkai-backup-cli-'))

function gongkai(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base: NodeJS.ProcessEnv = { ...process.env, GONGKAI_FROM_SOURCE: '1', LOG_LEVEL: 'warn', ...env }
  delete base.DATABASE_URL
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: base, cwd: root }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
    })
  })
}

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('gongkai backup / restore', () => {
  const source = { GONGKAI_DATA_DIR: join(root, 'source') }
  const target = { GONGKAI_DATA_DIR: join(root, 'target') }

  it('backs up, refuses to overwrite, restores into an empty directory and refuses a second restore', async () => {
    expect((await gongkai(source, 'migrate')).code).toBe(0)
    const out = join(root, 'b.tgz')
    const first = await gongkai(source, 'backup', out)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('备份完成')
    const again = await gongkai(source, 'backup', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')

    const checked = await gongkai(target, 'restore', '--check', out)
    expect(checked.code).toBe(0)
    expect(checked.stdout).toContain('备份完好')
    const restored = await gongkai(target, 'restore', out)
    expect(restored.code).toBe(0)
    expect(restored.stdout).toContain('恢复完成')
    // Once the target holds data, a restore is refused unless forced (which brings back the backed-up state).
    expect((await gongkai(target, 'agency', 'add', '--name', '恢复后新建机构')).code).toBe(0)
    const refused = await gongkai(target, 'restore', out)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/not empty \(tables with data: agencies.*--force/)
    const forced = await gongkai(target, 'restore', '--force', out)
    expect(forced.code).toBe(0)
    expect((await gongkai(target, 'restore', out)).code).toBe(0)
  }, 120_000)

  it('refuses what is not a backup (1) and bad configuration (2)', async () => {
    const bogus = join(root, 'bogus.tgz')
    writeFileSync(bogus, 'not a tar file')
    const r = await gongkai(target, 'restore', bogus)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('cannot unpack')
    const bad = await gongkai({ ...target, GONGKAI_QUERY_TIMEOUT_SECONDS: 'soon' }, 'backup', join(root, 'x'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('GONGKAI_QUERY_TIMEOUT_SECONDS=soon')
  }, 60_000)
})
