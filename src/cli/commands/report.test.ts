// Runs the real bin (`node bin/gongkai.js report …`) on the fixture reports and checks output and exit status.
// The runs start together in beforeAll: each one boots the CLI through tsx, which is slow on a shared machine.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { runGongkai as gongkai, type CliRun as Run } from '../../../test/run-cli.ts'
import { renderHtml } from '../../annual-report/index.ts'
import { buildConsistentReport } from '../../annual-report/rules/test-reports.ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const fixtures = join(root, 'src/annual-report/fixtures')
const seed = join(fixtures, 'seed-tianshuijun-2021.txt')
const f002 = join(fixtures, '002.html')
const f003 = join(fixtures, '003.txt')

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'))
const runs: Record<string, Run> = {}

/** Two consecutive years of one agency; this year has a broken 表三 column and a carry-over that does not match. */
function writeBrokenPair(): { previous: string; current: string } {
  const last = buildConsistentReport('gov2021', 1)
  const report = buildConsistentReport('gov2021', 2)
  report.cells['t3.granted.natural_person'] = (report.cells['t3.granted.natural_person'] ?? 0) + 1
  report.cells['t3.carried_over.total'] = (last.cells['t3.carried_forward.total'] ?? 0) + 4
  const previous = join(tmp, 'previous.html')
  const current = join(tmp, 'current.html')
  writeFileSync(previous, renderHtml(last, { standalone: true }))
  writeFileSync(current, renderHtml(report, { standalone: true }))
  return { previous, current }
}

beforeAll(async () => {
  const pair = writeBrokenPair()
  const seedCopy = join(tmp, 'seed.txt')
  copyFileSync(seed, seedCopy)
  const jobs: Record<string, string[]> = {
    seedText: ['report', 'check', seed],
    seedJson: ['report', 'check', seed, '--json'],
    twoJson: ['report', 'check', f002, f003, '--json'],
    broken: ['report', 'check', pair.current, '--previous', pair.previous],
    missing: ['report', 'check', join(tmp, 'no-such-report.html'), seed],
    notReport: ['report', 'check', join(root, 'package.json')],
    badDate: ['report', 'check', seed, '--published-on', '2022-02-30'],
    lateDate: ['report', 'check', f002, '--published-on', '2024-02-01', '--json'],
    toJson: ['report', 'convert', f003, '--to', 'json'],
    toDocx: ['report', 'convert', seedCopy, '--to', 'docx'],
    toPdf: ['report', 'convert', f002, '--to', 'pdf', '-o', join(tmp, 'out.pdf')],
    toHtml: ['report', 'convert', f002, '--to', 'html'],
  }
  const entries = await Promise.all(
    Object.entries(jobs).map(async ([k, args]) => [k, await gongkai(...args)] as const),
  )
  for (const [k, run] of entries) runs[k] = run
}, 300_000)

function run(name: string): Run {
  const r = runs[name]
  if (!r) throw new Error(`no run ${name}`)
  return r
}

describe('gongkai report check', () => {
  it('summarises the seed: 2019 labels on a 2021 report, published on the period’s last day, metadata defects', () => {
    const { code, stdout, stderr } = run('seedText')
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('格式 format: gov2019')
    expect(stdout).toContain('年度 year:   2021')
    expect(stdout).toContain('机关 agency: 秦州区天水郡街道')
    for (const rule of ['P-FORMAT-VERSION', 'P-DEADLINE', 'M-INDEXNO-DATE', 'M-TOPIC-EMPTY']) {
      expect(stdout).toContain(`[${rule}]`)
    }
    expect(stdout).toContain('0 error(s)')
  })

  it('prints exactly the documented keys with --json and finds no arithmetic error in the seed', () => {
    const result = JSON.parse(run('seedJson').stdout) as Record<string, unknown> & {
      findings: { rule: string; severity: string }[]
    }
    expect(Object.keys(result)).toEqual([
      'file',
      'format',
      'year',
      'agency',
      'metadata',
      'sections',
      'cells',
      'blank',
      'missing',
      'findings',
    ])
    expect(result).toMatchObject({ format: 'gov2019', year: 2021, agency: '秦州区天水郡街道' })
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(result.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['P-FORMAT-VERSION', 'P-DEADLINE', 'M-INDEXNO-DATE', 'M-TOPIC-EMPTY']),
    )
  })

  it('prints an array for several files; 002.html and 003.txt balance', () => {
    const { code, stdout, stderr } = run('twoJson')
    expect(code, stderr).toBe(0)
    const results = JSON.parse(stdout) as { file: string; findings: { rule: string; severity: string }[] }[]
    expect(results.map((r) => r.file)).toEqual([f002, f003])
    for (const r of results) {
      expect(r.findings.filter((f) => /^T[234]-/.test(f.rule))).toEqual([])
    }
  })

  it('exits 1 on an arithmetic error and checks the carry-over against --previous', () => {
    const { code, stdout, stderr } = run('broken')
    expect(code, stderr).toBe(1)
    expect(stdout).toMatch(
      /✗ 错误 \[T3-OUTCOME-SUM-2021\] 表三 自然人：三（七）=\d+，三（一）至三（六）3之和=\d+，差1/,
    )
    expect(stdout).toMatch(/! 警告 \[X-T3-CARRY\] 表三 总计（与上年报告比较）：二=\d+，上年四=\d+，差4/)
  })

  it('applies --published-on over the page’s 发布时间', () => {
    const result = JSON.parse(run('lateDate').stdout) as { findings: { rule: string; message: string }[] }
    expect(result.findings.filter((f) => f.rule === 'P-DEADLINE').map((f) => f.message)).toEqual([
      '发布日期2024-02-01晚于政府部门年度报告的发布期限2024-01-31（条例第四十九条）',
    ])
  })

  it('exits 2 with a plain message for a missing file, and still checks the other files', () => {
    const { code, stdout, stderr } = run('missing')
    expect(code, stderr).toBe(2)
    expect(stderr).toMatch(/^gongkai report: cannot read .*no-such-report\.html: no such file$/m)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stdout).toContain('秦州区天水郡街道')
  })

  it('exits 2 for a file that is not a report and for an impossible --published-on date', () => {
    expect(run('notReport').code, run('notReport').stderr).toBe(2)
    expect(run('notReport').stderr).toMatch(/package\.json is not an annual report/)
    expect(run('badDate').code, run('badDate').stderr).toBe(2)
    expect(run('badDate').stderr).toContain(
      '--published-on must be a date written YYYY-MM-DD, got "2022-02-30"',
    )
  })
})

describe('gongkai report convert', () => {
  it('prints JSON to stdout', () => {
    const { code, stdout, stderr } = run('toJson')
    expect(code, stderr).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ format: 'gov2021', year: 2025 })
  })

  it('writes DOCX next to the input when no -o is given', () => {
    const { code, stderr } = run('toDocx')
    expect(code, stderr).toBe(0)
    const out = join(tmp, 'seed.docx')
    expect(stderr.trim()).toBe(`wrote ${out}`)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
  })

  it('writes PDF to -o and prints a standalone HTML page to stdout', () => {
    const pdf = run('toPdf')
    expect(pdf.code, pdf.stderr).toBe(0)
    expect(readFileSync(join(tmp, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    const html = run('toHtml')
    expect(html.code, html.stderr).toBe(0)
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i)
    expect(html.stdout).toContain('沭阳县发展和改革局')
  })
})
