// `gongkai serve [--port N] [--demo]` (filled in by the web work).
import type { Command } from 'commander'

export function registerServeCommand(_program: Command): void {}
