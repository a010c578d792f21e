// `gongkai report generate` and `gongkai report aggregate` through the real bin, on a SQLite file built here.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAgency, buildApplication } from '../../../test/factories.ts'
import { REPO_ROOT, type CliRun } from '../../../test/run-cli.ts'
import { connect } from '../../storage/index.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-report-live-'))
const env = { ...process.env, GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' }

function gongkai(...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin/gongkai.js'), ...args],
      { cwd: dataDir, env },
      (err, stdout, stderr) => {
        done({ code: err && typeof err.code === 'number' ? err.code : err ? -1 : 0, stdout, stderr })
      },
    )
  })
}

const runs: Record<string, CliRun> = {}
let ids = { office: 0, bureau: 0 }

beforeAll(async () => {
  const db = await connect({ database: { engine: 'sqlite', file: join(dataDir, 'gongkai.sqlite') } })
  try {
    const office = await buildAgency(db, { name: '示例区人民政府办公室', kind: 'general_office' })
    const bureau = await buildAgency(db, { parent: office, name: '示例区教育局' })
    ids = { office: office.id, bureau: bureau.id }
    await buildApplication(db, bureau, [
      { type: 'received', on: '2024-12-30', channel: 'in_person' },
      { type: 'answered', on: '2025-01-08', answerType: 'disclosed' },
    ])
    await buildApplication(db, bureau, [{ type: 'received', on: '2025-12-30', channel: 'in_person' }])
  } finally {
    await db.destroy()
  }
  const out = join(dataDir, 'report.json')
  const jobs: Record<string, string[]> = {
    summary: ['report', 'generate', '--agency', '示例区教育局', '--year', '2025'],
    json: [
      'report',
      'generate',
      '--agency',
      String(ids.bureau),
      '--year',
      '2025',
      '--to',
      'json',
      '--out',
      out,
    ],
    aggregate: ['report', 'aggregate', '--agency', String(ids.office), '--year', '2025', '--json'],
    unknown: ['report', 'generate', '--agency', '不存在的机构', '--year', '2025'],
    badYear: ['report', 'generate', '--agency', String(ids.bureau), '--year', '2018'],
    pdfToTerminal: ['report', 'generate', '--agency', String(ids.bureau), '--year', '2025', '--to', 'pdf'],
  }
  const entries = await Promise.all(
    Object.entries(jobs).map(async ([k, a]) => [k, await gongkai(...a)] as const),
  )
  for (const [k, r] of entries) runs[k] = r
}, 180_000)

describe('gongkai report generate / aggregate', () => {
  it('prints the computed figures, the missing 表二 figures and the counting conventions', () => {
    const r = runs.summary
    expect(r?.code).toBe(0)
    expect(r?.stdout).toContain('示例区教育局2025年政府信息公开工作年度报告')
    expect(r?.stdout).toContain('表三：本年新收1件，上年结转1件，办结1件，结转下年度1件')
    expect(r?.stdout).toContain('尚未填报的表二数据')
    expect(r?.stdout).toContain('国办公开办函〔2016〕201号')
  })

  it('writes the report as JSON with the computed cells', () => {
    expect(runs.json?.code).toBe(0)
    const json = JSON.parse(readFileSync(join(dataDir, 'report.json'), 'utf8')) as {
      tables?: unknown
      cells?: Record<string, number>
    }
    expect(JSON.stringify(json)).toContain('"t3.carried_over.natural_person":1')
  })

  it('sums the subordinate agencies as JSON', () => {
    expect(runs.aggregate?.code).toBe(0)
    const agg = JSON.parse(runs.aggregate?.stdout ?? '{}') as {
      agencyCount: number
      report: { cells: Record<string, number> }
    }
    expect(agg.agencyCount).toBe(1)
    expect(agg.report.cells['t3.new_received.total']).toBe(1)
  })

  it('exits 2 with a Chinese message for an unknown agency, a year before 2019, or a PDF to the terminal', () => {
    expect([runs.unknown?.code, runs.unknown?.stderr]).toEqual([
      2,
      'gongkai report generate: 没有名为“不存在的机构”的机构\n',
    ])
    expect(runs.badYear?.code).toBe(2)
    expect(runs.badYear?.stderr).toContain('年度报告格式自2019年度起适用')
    expect(runs.pdfToTerminal?.code).toBe(2)
    expect(runs.pdfToTerminal?.stderr).toContain('--out')
  })
})
