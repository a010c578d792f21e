// `gongkai report generate --agency X --year Y [--to html|docx|pdf|json] [--out FILE]` and
// `gongkai report aggregate --agency X --year Y [--json]`: the annual report computed from the platform's own
// records, as the operator at the machine (system actor). Exit status: 0 consistent, 1 an error-severity
// finding (or a broken balance, with the cases named), 2 bad input or configuration.
import { writeFile } from 'node:fs/promises'
import { Option } from 'commander'
import type { Command } from 'commander'
import { listAgenciesFlat, systemActor } from '../../accounts/index.ts'
import { aggregateReports, computeAnnualReport } from '../../annual-report/compute/index.ts'
import type { AggregatedReports, ComputedReport } from '../../annual-report/compute/index.ts'
import { FORMATS } from '../../annual-report/formats/index.ts'
import { cellName, renderDocx, renderHtml, renderJson, renderPdf } from '../../annual-report/index.ts'
import type { Finding } from '../../annual-report/index.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import { connect } from '../../storage/index.ts'
import type { DB } from '../../storage/index.ts'

const EXIT_ERROR_FINDING = 1
const EXIT_BAD_INPUT = 2
const actor = systemActor('cli')

interface GenerateFlags {
  agency: string
  year: string
  to?: 'html' | 'docx' | 'pdf' | 'json'
  out?: string
}

interface AggregateFlags {
  agency: string
  year: string
  json?: boolean
}

class UsageError extends Error {}

async function withDatabase(command: string, fn: (db: DB) => Promise<void>): Promise<void> {
  let db: DB | undefined
  try {
    db = await connect(loadConfig(process.env))
    await fn(db)
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      console.error(`gongkai report ${command}: ${err.message}`)
      process.exitCode = EXIT_BAD_INPUT
    } else if (isDomainError(err)) {
      const fields = Object.entries(err.fields).map(([k, v]) => `\n  ${k}: ${v}`)
      console.error(`gongkai report ${command}: ${err.message}${fields.join('')}`)
      process.exitCode =
        err.code === 'invalid_input' || err.code === 'not_found' ? EXIT_BAD_INPUT : EXIT_ERROR_FINDING
    } else {
      throw err
    }
  } finally {
    await db?.destroy()
  }
}

/** `--agency`: an id, or an agency's exact name. */
async function resolveAgency(db: DB, value: string): Promise<number> {
  if (/^\d+$/.test(value)) return Number(value)
  const matches = (await listAgenciesFlat(db, actor)).filter((a) => a.name === value.trim())
  if (matches.length === 1 && matches[0]) return matches[0].id
  throw new UsageError(
    matches.length === 0 ? `没有名为“${value}”的机构` : `有多个名为“${value}”的机构，请用编号`,
  )
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year 应为四位年份，收到“${value}”`)
  return Number(value)
}

function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `  [${f.severity}] ${f.rule} ${f.message}`)
}

function summary(c: ComputedReport): string {
  const v = (a: string) => c.report.cells[a] ?? 0
  const lines = [
    c.report.title ?? '',
    `格式：${c.report.format ?? ''}；统计年度：${c.year}`,
    `表三：本年新收${v('t3.new_received.total')}件，上年结转${v('t3.carried_over.total')}件，办结${v('t3.results_total.total')}件，结转下年度${v('t3.carried_forward.total')}件`,
    `表四：行政复议${v('t4.count.review_total')}件，行政诉讼${v('t4.count.litigation_direct_total') + v('t4.count.litigation_after_review_total')}件`,
    c.balance.holds
      ? '勾稽关系（一+二=三（七）+四）：成立'
      : `勾稽关系不成立（${c.balance.columns.join('、')}），原因案件：${c.balance.breakers.map((b) => `#${b.applicationId}（收到${b.receivedOn ?? '无'}，办结${b.concludedOn}）`).join('，')}`,
  ]
  if (c.missingManualCells.length > 0) {
    lines.push(
      `尚未填报的表二数据：${c.missingManualCells.map((a) => cellName(FORMATS[c.report.format ?? 'gov2021'], a)).join('；')}`,
    )
  }
  if (c.findings.length > 0) lines.push('检查结果：', ...findingLines(c.findings))
  lines.push('统计口径：', ...c.notes.map((n) => `  ${n}`))
  return lines.join('\n')
}

async function generate(flags: GenerateFlags): Promise<void> {
  await withDatabase('generate', async (db) => {
    const computed = await computeAnnualReport(db, {
      agencyId: await resolveAgency(db, flags.agency),
      year: parseYear(flags.year),
    })
    const failed = !computed.balance.holds || computed.findings.some((f) => f.severity === 'error')
    if (flags.to === undefined) {
      console.log(summary(computed))
    } else {
      const r = computed.report
      const rendered =
        flags.to === 'html'
          ? renderHtml(r, { standalone: true })
          : flags.to === 'json'
            ? renderJson(r)
            : flags.to === 'docx'
              ? await renderDocx(r)
              : await renderPdf(r)
      if (flags.out !== undefined) {
        await writeFile(flags.out, rendered)
        console.error(`wrote ${flags.out}`)
      } else if (typeof rendered === 'string') {
        process.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`)
      } else {
        throw new UsageError(`--to ${flags.to} 是二进制格式，请用 --out 指定输出文件`)
      }
      if (failed) console.error(summary(computed))
    }
    if (failed) process.exitCode = EXIT_ERROR_FINDING
  })
}

function aggregateText(a: AggregatedReports): string {
  const v = (c: string) => a.report.cells[c] ?? 0
  const lines = [
    a.report.title ?? '',
    `下级机构：${a.agencyCount}个；格式：${a.format}`,
    `表三合计：本年新收${v('t3.new_received.total')}件，上年结转${v('t3.carried_over.total')}件，办结${v('t3.results_total.total')}件，结转下年度${v('t3.carried_forward.total')}件`,
    `表四合计：行政复议${v('t4.count.review_total')}件（纠正${v('t4.count.review_corrected')}件），行政诉讼${v('t4.count.litigation_direct_total') + v('t4.count.litigation_after_review_total')}件`,
    `表二合计：${a.format === 'gov2021' ? `制发行政规范性文件${v('t2.art20_1.normative_documents.issued_this_year')}件，现行有效${v('t2.art20_1.normative_documents.currently_valid')}件` : `新制作规范性文件${v('t2.art20_1.normative_documents.new_made_this_year')}件`}`,
    `未通过检查的机构：${a.withErrors.length}个`,
    ...a.withErrors.slice(0, 50).map((s) => `  ${s.name}（#${s.agencyId}）：${s.errors[0]?.message ?? ''}`),
    ...(a.withErrors.length > 50 ? [`  ……另有${a.withErrors.length - 50}个`] : []),
    `表二数据未填报完整的机构：${a.incomplete.length}个`,
  ]
  if (a.findings.length > 0) lines.push('合计表检查结果：', ...findingLines(a.findings))
  return lines.join('\n')
}

async function aggregate(flags: AggregateFlags): Promise<void> {
  await withDatabase('aggregate', async (db) => {
    const result = await aggregateReports(db, {
      supervisingAgencyId: await resolveAgency(db, flags.agency),
      year: parseYear(flags.year),
    })
    console.log(flags.json ? JSON.stringify(result, null, 2) : aggregateText(result))
    if (result.withErrors.length > 0) process.exitCode = EXIT_ERROR_FINDING
  })
}

/** Adds `generate` and `aggregate` under `gongkai report`. */
export function registerLiveReportCommands(report: Command): void {
  report
    .command('generate')
    .description('根据本平台数据生成机构的年度报告 (compute an agency’s annual report from its records)')
    .requiredOption('--agency <id|name>', 'agency id or exact name')
    .requiredOption('--year <year>', 'report year (statistics year)')
    .addOption(
      new Option('--to <format>', 'render the report (default: a summary)').choices([
        'html',
        'docx',
        'pdf',
        'json',
      ]),
    )
    .option('--out <file>', 'output file (default: stdout for html/json; required for docx/pdf)')
    .action(generate)
  report
    .command('aggregate')
    .description('汇总下级机构的年度报告 (sum the subordinate agencies’ reports of a supervising office)')
    .requiredOption('--agency <id|name>', 'supervising agency id or exact name')
    .requiredOption('--year <year>', 'report year')
    .option('--json', 'print the full result as JSON')
    .action(aggregate)
}
