// Platform commands: serve, migrate, user, agency (filled in by the platform-foundation work).
import type { Command } from 'commander'

export function registerPlatformCommands(_program: Command): void {}
