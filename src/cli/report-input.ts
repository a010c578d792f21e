// Reading report files for `gongkai report …`: a missing file or one that is not an annual report is a
// ReportInputError (exit status 2, a plain English message, no stack trace).
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseReport } from '../annual-report/index.ts'
import type { ParsedReport } from '../annual-report/index.ts'

export class ReportInputError extends Error {
  override name = 'ReportInputError'
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES') return 'permission denied'
  return err instanceof Error ? err.message : String(err)
}

/** Reads and parses a report file; throws ReportInputError when it cannot be read or is not a report. */
export async function readReportFile(path: string): Promise<ParsedReport> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (err) {
    throw new ReportInputError(`cannot read ${path}: ${reason(err)}`)
  }
  const report = await parseReport(bytes, { filename: basename(path) })
  if (!report.recognised) {
    throw new ReportInputError(
      `${path} is not an annual report: no title, section or table of a 政府信息公开工作年度报告 was found`,
    )
  }
  return report
}

/** A date given on the command line: YYYY-MM-DD and a real calendar day. */
export function parseIsoDate(value: string, flag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    throw new ReportInputError(`${flag} must be a date written YYYY-MM-DD, got "${value}"`)
  }
  return value
}
