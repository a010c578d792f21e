// Running real commands in tests: a Node script or the `gongkai` bin as a child process, with its exit status
// and output (never throwing on a non-zero exit, which is often what a test is about).
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The repository root (where bin/ and package.json are). */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))

/** `node <args…>` in `cwd`. */
export function runNode(args: readonly string[], cwd: string = REPO_ROOT): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err && typeof err.code === 'number' ? err.code : err ? -1 : 0
      done({ code, stdout, stderr })
    })
  })
}

/** `gongkai <args…>` through bin/gongkai.js, from the repository root. */
export function runGongkai(...args: string[]): Promise<CliRun> {
  return runNode([join(REPO_ROOT, 'bin/gongkai.js'), ...args])
}
