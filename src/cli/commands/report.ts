// `gongkai report …`: check, convert (filled in by the annual-report work).
import type { Command } from 'commander'

export function registerReportCommands(program: Command): void {
  program.command('report').description('年度报告：检查与转换 (annual report: check and convert)')
}
