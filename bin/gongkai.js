#!/usr/bin/env node
// Entry point for `npx gongkai`: the source is TypeScript, loaded through tsx so there is no build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
