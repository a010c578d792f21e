// Platform commands: `serve` (web) and `migrate`, `user`, `agency` (accounts and storage).
import type { Command } from 'commander'
import { registerAccountCommands } from './accounts.ts'
import { registerServeCommand } from './serve.ts'

export function registerPlatformCommands(program: Command): void {
  registerServeCommand(program)
  registerAccountCommands(program)
}
