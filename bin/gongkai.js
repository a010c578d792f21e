#!/usr/bin/env node
// Entry point for `npx gongkai`. Runs the compiled dist/ (scripts/build.js, on install and before `npm start`)
// when it is at least as new as every source file; otherwise loads the TypeScript sources through tsx, so an
// edit is never shadowed by an old build. GONGKAI_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.join(import.meta.dirname, '..')
const stamp = path.join(root, 'dist', 'BUILD')

/** Newest modification time among the files a build is made from (tests excluded). */
function newestSource() {
  let newest = 0
  for (const name of ['package.json', 'tsconfig.json']) {
    newest = Math.max(newest, statSync(path.join(root, name)).mtimeMs)
  }
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue
    newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs)
  }
  return newest
}

function buildIsFresh() {
  if (process.env.GONGKAI_FROM_SOURCE === '1' || !existsSync(stamp)) return false
  if (!existsSync(path.join(root, 'src'))) return true
  return statSync(stamp).mtimeMs >= newestSource()
}

if (buildIsFresh()) {
  await import('../dist/main.js')
} else {
  // The project's tsconfig is named explicitly: tsx otherwise looks in the working directory, and run from
  // elsewhere (another folder, a systemd unit) the JSX would compile for React.
  const { register } = await import('tsx/esm/api')
  register({ tsconfig: path.join(root, 'tsconfig.json') })
  await import('../src/cli/main.ts')
}
