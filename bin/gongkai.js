#!/usr/bin/env node
// Entry point for `npx gongkai`: the source is TypeScript, loaded through tsx so there is no build step.
// The project's tsconfig is named explicitly: tsx otherwise looks for one in the working directory, and run
// from elsewhere (`npx gongkai` in another folder, a systemd unit) the JSX would compile for React.
import path from 'node:path'
import { register } from 'tsx/esm/api'

register({ tsconfig: path.join(import.meta.dirname, '..', 'tsconfig.json') })
await import('../src/cli/main.ts')
