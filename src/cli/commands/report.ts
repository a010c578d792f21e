// `gongkai report check FILE…` and `gongkai report convert FILE --to …`: parse published reports, check them with
// the rules engine, or render them in another format.
// Exit status of check: 0 no error-severity finding, 1 at least one, 2 a file unreadable or not a report.
import { writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { renderDocx, renderHtml, renderJson, renderPdf, renderText } from '../../annual-report/index.ts'
import type { ParsedReport } from '../../annual-report/index.ts'
import { checkReport } from '../../annual-report/rules/index.ts'
import type { CheckOptions, ReportAgencyKind } from '../../annual-report/rules/index.ts'
import { ReportInputError, parseIsoDate, readReportFile } from '../report-input.ts'
import { registerLiveReportCommands } from './report-live.ts'
import { checkResultJson, checkSummaryText, countBySeverity } from '../report-output.ts'
import type { CheckResultJson } from '../report-output.ts'

interface CheckFlags {
  previous?: string
  publishedOn?: string
  json?: boolean
  mode?: 'audit' | 'generate'
  agencyKind?: ReportAgencyKind
}

interface ConvertFlags {
  to: 'html' | 'docx' | 'pdf' | 'json' | 'text'
  output?: string
}

const EXIT_ERROR_FINDING = 1
const EXIT_BAD_INPUT = 2

/** Runs an action; a ReportInputError becomes a one-line message on stderr and exit status 2. */
function guarded<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args)
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err
      console.error(`gongkai report: ${err.message}`)
      process.exitCode = EXIT_BAD_INPUT
    }
  }
}

async function check(files: string[], flags: CheckFlags): Promise<void> {
  const options: CheckOptions = { mode: flags.mode ?? 'audit', agencyKind: flags.agencyKind }
  if (flags.publishedOn !== undefined) options.publishedOn = parseIsoDate(flags.publishedOn, '--published-on')
  if (flags.previous !== undefined) options.previous = await readReportFile(flags.previous)
  const results: CheckResultJson[] = []
  const summaries: string[] = []
  let exitCode = 0
  for (const file of files) {
    let report: ParsedReport
    try {
      report = await readReportFile(file)
    } catch (err) {
      // Check the other files; the unreadable one decides the exit status.
      if (!(err instanceof ReportInputError)) throw err
      console.error(`gongkai report: ${err.message}`)
      exitCode = EXIT_BAD_INPUT
      continue
    }
    const findings = checkReport(report, options)
    if (countBySeverity(findings).error > 0 && exitCode === 0) exitCode = EXIT_ERROR_FINDING
    if (flags.json) results.push(checkResultJson(file, report, findings))
    else summaries.push(checkSummaryText(file, report, findings))
  }
  if (flags.json) {
    if (results.length > 0) console.log(JSON.stringify(files.length === 1 ? results[0] : results, null, 2))
  } else if (summaries.length > 0) {
    console.log(summaries.join('\n\n'))
  }
  process.exitCode = exitCode
}

/** Where a converted document goes when no `-o` is given: next to the input, with the new extension. */
export function defaultOutputPath(input: string, to: ConvertFlags['to']): string {
  const ext = to === 'text' ? 'txt' : to
  const path = join(dirname(input), `${basename(input, extname(input))}.${ext}`)
  return resolve(path) === resolve(input)
    ? join(dirname(input), `${basename(input, extname(input))}.converted.${ext}`)
    : path
}

async function convert(file: string, flags: ConvertFlags): Promise<void> {
  const report = await readReportFile(file)
  const rendered: string | Buffer =
    flags.to === 'html'
      ? renderHtml(report, { standalone: true })
      : flags.to === 'json'
        ? renderJson(report)
        : flags.to === 'text'
          ? renderText(report)
          : flags.to === 'docx'
            ? await renderDocx(report)
            : await renderPdf(report)
  // Text formats go to stdout unless -o is given; binary formats are never written to a terminal.
  if (flags.output === undefined && typeof rendered === 'string') {
    process.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`)
    return
  }
  const out = flags.output ?? defaultOutputPath(file, flags.to)
  try {
    await writeFile(out, rendered)
  } catch (err) {
    throw new ReportInputError(`cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`)
  }
  console.error(`wrote ${out}`)
}

export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('年度报告：检查、转换、生成与汇总 (annual report: check, convert, generate, aggregate)')

  report
    .command('check')
    .description(
      '检查年度报告的勾稽关系和合理性 (check annual reports: arithmetic, cross-year and audit rules)',
    )
    .argument('<files...>', 'report files: text, Markdown, HTML, DOCX or PDF')
    .option('--previous <file>', "the same agency's report for the previous year (enables cross-year rules)")
    .option('--published-on <date>', 'publication date YYYY-MM-DD (default: 发布时间 of the page, if any)')
    .option('--json', 'print one JSON object per file (an array for several files)')
    .addOption(
      new Option('--mode <mode>', 'audit a published report, or check one about to be generated')
        .choices(['audit', 'generate'])
        .default('audit'),
    )
    .addOption(
      new Option(
        '--agency-kind <kind>',
        'kind of agency for the deadline (default: inferred from the name)',
      ).choices(['department', 'government', 'township']),
    )
    .action(guarded(check))

  report
    .command('convert')
    .description('把年度报告转换为其他格式 (convert a report to another format)')
    .argument('<file>', 'report file: text, Markdown, HTML, DOCX or PDF')
    .addOption(
      new Option('--to <format>', 'output format')
        .choices(['html', 'docx', 'pdf', 'json', 'text'])
        .makeOptionMandatory(),
    )
    .option(
      '-o, --output <file>',
      'output file (default: stdout for html/json/text, next to the input for docx/pdf)',
    )
    .action(guarded(convert))

  registerLiveReportCommands(report)
}
