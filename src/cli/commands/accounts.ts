// `gongkai migrate`, `gongkai user add|passwd`, `gongkai agency add` (filled in by the accounts work).
import type { Command } from 'commander'

export function registerAccountCommands(_program: Command): void {}
