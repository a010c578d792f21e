// What `gongkai report check` prints: a readable summary per file, or the JSON object of each file.
import { FORMATS } from '../annual-report/formats/index.ts'
import type { ParsedReport } from '../annual-report/index.ts'
import { tableName } from '../annual-report/rules/index.ts'
import type { Finding, Severity } from '../annual-report/rules/index.ts'

/** One file's result, with exactly the keys of the documented JSON output. */
export interface CheckResultJson {
  file: string
  format: 'gov2019' | 'gov2021' | null
  year: number | null
  agency: string | null
  metadata: ParsedReport['metadata']
  sections: ParsedReport['sections']
  cells: Record<string, number>
  blank: string[]
  missing: string[]
  findings: { rule: string; severity: Severity; message: string; cells: string[] }[]
}

export function checkResultJson(file: string, report: ParsedReport, findings: Finding[]): CheckResultJson {
  return {
    file,
    format: report.format,
    year: report.year,
    agency: report.agency,
    metadata: report.metadata,
    sections: report.sections,
    cells: report.cells,
    blank: report.blank,
    missing: report.missing,
    findings: findings.map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells })),
  }
}

const MARK: Record<Severity, string> = { error: '✗ 错误', warning: '! 警告', info: '· 提示' }
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }
const TABLES = ['t2', 't3', 't4'] as const

/** The group a finding is listed under: its table, the catalogue metadata, or the report as a whole. */
function groupOf(finding: Finding): string {
  const table = finding.cells[0]?.replace(/^prev:/, '').split('.')[0]
  if (table && (TABLES as readonly string[]).includes(table)) return table
  return finding.rule.startsWith('M-') ? 'metadata' : 'report'
}

function groupTitle(group: string, report: ParsedReport): string {
  const format = FORMATS[report.format ?? 'gov2021']
  if (group === 't2' || group === 't3' || group === 't4') {
    return `${tableName(format, group)} ${format[group].label}`
  }
  return group === 'metadata' ? '目录信息 (catalogue metadata)' : '全文 (whole report)'
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

export function checkSummaryText(file: string, report: ParsedReport, findings: Finding[]): string {
  const format = report.format
    ? `${report.format}（${FORMATS[report.format].title}）`
    : '未识别 (not recognised)'
  const lines = [
    file,
    `  格式 format: ${format}`,
    `  年度 year:   ${report.year ?? '未识别 (unknown)'}`,
    `  机关 agency: ${report.agency ?? '未识别 (unknown)'}`,
    `  单元格 cells: ${Object.keys(report.cells).length} read, ${report.blank.length} blank, ${report.missing.length} missing`,
  ]
  const groups = ['metadata', 'report', ...TABLES].filter((g) => findings.some((f) => groupOf(f) === g))
  for (const group of groups) {
    lines.push('', `  ${groupTitle(group, report)}`)
    const inGroup = findings
      .filter((f) => groupOf(f) === group)
      .sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
    for (const f of inGroup) lines.push(`    ${MARK[f.severity]} [${f.rule}] ${f.message}`)
  }
  const counts = countBySeverity(findings)
  lines.push(
    '',
    findings.length === 0
      ? '  结果 result: 未发现问题 (no findings)'
      : `  结果 result: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`,
  )
  return lines.join('\n')
}
