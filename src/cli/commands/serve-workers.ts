// `gongkai serve --workers N`: the primary process prepares the database once (migrations, demo seed), then
// forks N workers that share the listening port (node:cluster hands connections out round-robin). A worker
// that dies is replaced (after a backoff when it died soon after starting); SIGTERM/SIGINT stop the workers gracefully (each finishes its requests in flight).
// SQLite allows one writing process, so N > 1 needs PostgreSQL.
import cluster, { type Worker } from 'node:cluster'
import type { Config } from '../../config.ts'

const MAX_WORKERS = 64
/** A worker dying this soon after its start counts towards a crash loop. */
const EARLY_EXIT_MS = 5_000
/** Give up (exit 1) after this many early exits in a row: the fault is not transient. */
const MAX_EARLY_EXITS = 5
/** Wait before replacing a worker that died early: 250 ms, doubled per early exit in a row, at most 8 s. */
export function restartDelayMs(earlyExits: number): number {
  return earlyExits === 0 ? 0 : Math.min(250 * 2 ** (earlyExits - 1), 8_000)
}

/** True in a process forked by `runWorkers` (it then serves like a plain `gongkai serve`). */
export function isWorker(): boolean {
  return cluster.isWorker
}

/** The worker count of `--workers`, or an error message. */
export function parseWorkerCount(text: string, config: Pick<Config, 'database'>): number | string {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_WORKERS) {
    return `Invalid --workers=${text}: must be a whole number from 1 to ${MAX_WORKERS}`
  }
  const n = Number(text)
  if (n > 1 && config.database.engine === 'sqlite') {
    return `--workers ${n} needs PostgreSQL (set DATABASE_URL): SQLite allows one writing process, so serve SQLite with one process`
  }
  return n
}

/**
 * Run as the primary: `prepare` (migrate and seed once), then keep N workers running until SIGTERM/SIGINT.
 * Resolves with the exit status (0 after a requested stop, 1 after a crash loop).
 */
export async function runWorkers(count: number, prepare: () => Promise<void>): Promise<number> {
  await prepare()
  let stopping = false
  let earlyExits = 0
  const startedAt = new Map<Worker, number>()
  const fork = () => startedAt.set(cluster.fork(), Date.now())
  const pendingRestarts = new Set<NodeJS.Timeout>()

  return new Promise<number>((resolve) => {
    const finishWhenAllGone = (status: number) => {
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(status)
    }
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return
      stopping = true
      for (const timer of pendingRestarts) clearTimeout(timer)
      pendingRestarts.clear()
      console.error(`gongkai serve: ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`)
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
      finishWhenAllGone(0)
    }
    cluster.on('exit', (worker, code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? 0)
      startedAt.delete(worker)
      if (stopping) {
        finishWhenAllGone(earlyExits >= MAX_EARLY_EXITS ? 1 : 0)
        return
      }
      earlyExits = lived < EARLY_EXIT_MS ? earlyExits + 1 : 0
      console.error(
        `gongkai serve: worker ${worker.process.pid ?? '?'} exited (${signal ?? `code ${code}`}) after ${Math.round(lived / 1000)} s`,
      )
      if (earlyExits >= MAX_EARLY_EXITS) {
        console.error(
          `gongkai serve: ${MAX_EARLY_EXITS} workers in a row died within ${EARLY_EXIT_MS / 1000} s; stopping`,
        )
        stop('SIGTERM')
        return
      }
      const delay = restartDelayMs(earlyExits)
      const timer = setTimeout(() => {
        pendingRestarts.delete(timer)
        if (!stopping) fork()
      }, delay)
      pendingRestarts.add(timer)
    })
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
    for (let i = 0; i < count; i += 1) fork()
    console.error(`gongkai serve: primary ${process.pid} started ${count} workers`)
  })
}
