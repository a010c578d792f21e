// The `gongkai` command: argument parsing and the command table. Each command lives in commands/ and calls
// module operations; none of them touches SQL directly.
import { Command, CommanderError } from 'commander'
import { registerPlatformCommands } from './commands/platform.ts'
import { registerReportCommands } from './commands/report.ts'

const program = new Command()
program
  .name('gongkai')
  .description('公开 Gongkai — government information disclosure platform')
  .showHelpAfterError()
  .exitOverride()

registerReportCommands(program)
registerPlatformCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit with 0; usage errors exit with 2 (bad input), never a stack trace.
    process.exitCode = err.exitCode === 0 ? 0 : 2
  } else {
    console.error(`gongkai: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 2
  }
}
