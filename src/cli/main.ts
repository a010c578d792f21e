// The `gongkai` command: argument parsing and the command table. Each command lives in commands/ and calls
// module operations; none of them touches SQL directly.
//
// Command modules are imported only when their command runs: `gongkai serve` then never loads the PDF and
// DOCX libraries of `gongkai report`, which keeps the server's memory and every command's start-up small.
import { Command, CommanderError } from 'commander'

type Register = (program: Command) => void

/** First word of the command line → the module that registers it. */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  report: async () => (await import('./commands/report.ts')).registerReportCommands,
  serve: async () => (await import('./commands/serve.ts')).registerServeCommand,
  migrate: async () => (await import('./commands/accounts.ts')).registerAccountCommands,
  user: async () => (await import('./commands/accounts.ts')).registerAccountCommands,
  agency: async () => (await import('./commands/accounts.ts')).registerAccountCommands,
  import: async () => (await import('./commands/import.ts')).registerImportCommands,
  catalogue: async () => (await import('./commands/catalogue.ts')).registerCatalogueCommands,
  backup: async () => (await import('./commands/backup.ts')).registerBackupCommands,
  restore: async () => (await import('./commands/backup.ts')).registerBackupCommands,
  search: async () => (await import('./commands/search.ts')).registerSearchCommands,
}

/** The registrations a command line needs: its own command, or all of them for help and unknown words. */
async function registrationsFor(argv: readonly string[]): Promise<Register[]> {
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'))
  const load = first === undefined || first === 'help' ? undefined : COMMANDS[first]
  if (load !== undefined) return [await load()]
  return [...new Set(await Promise.all(Object.values(COMMANDS).map((l) => l())))]
}

const program = new Command()
program
  .name('gongkai')
  .description('公开 Gongkai — government information disclosure platform')
  .showHelpAfterError()
  .exitOverride()

try {
  for (const register of await registrationsFor(process.argv)) register(program)
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
