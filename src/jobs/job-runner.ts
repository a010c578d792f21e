// Scheduled work that must happen once per due time across every process (scheduled publication, …), not
// once per process: each process polls the job table every `pollMs` (a cheap read), and runs a job only after
// claiming its due run (jobs.queries.ts). The claim moves the next due time one interval on, so with one
// process or ten the job runs once per interval; a run is held by a lease, so a process that dies mid-run
// blocks the job only until the lease ends. On SQLite (one process) the same table makes it a single runner.
import type { FastifyInstance } from 'fastify'
import { hostname } from 'node:os'
import type { DB } from '../storage/index.ts'
import { isoNow, isoPlus } from '../storage/index.ts'
import { claimJob, dueJobNames, ensureJob, finishJob } from './jobs.queries.ts'

export interface Job {
  /** Unique name, the row's key (e.g. `catalogue.scheduled-publish`). */
  readonly name: string
  /** Interval between due runs. */
  readonly everyMs: number
  /** How long a claimed run holds the job at most (default 10 minutes, at least the interval). */
  readonly leaseMs?: number
  run(db: DB): Promise<void>
}

export interface JobRunnerOptions {
  /** How often the job table is read (default 1 s: a job runs at most this long after it is due). */
  readonly pollMs?: number
  /** This process in the table (default `host:pid`). */
  readonly runner?: string
  readonly now?: () => Date
  readonly log?: { error(obj: object, msg: string): void }
}

/** Runs of one job by this process (every runner in it), for GET /metrics. */
export interface JobRunCounters {
  runs: number
  failures: number
  /** Duration of the last run, in seconds. */
  lastSeconds: number
}

const processCounters = new Map<string, JobRunCounters>()

/** This process's runs and failures per job name (since the process started). */
export function jobRunCounters(): ReadonlyMap<string, Readonly<JobRunCounters>> {
  return processCounters
}

const DEFAULT_POLL_MS = 1_000
const DEFAULT_LEASE_MS = 10 * 60_000

export class JobRunner {
  readonly #db: DB
  readonly #jobs = new Map<string, Job>()
  readonly #pollMs: number
  readonly #runner: string
  readonly #now: () => Date
  readonly #log: JobRunnerOptions['log']
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> = Promise.resolve()
  #stopped = false

  constructor(db: DB, options: JobRunnerOptions = {}) {
    this.#db = db
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS
    this.#runner = options.runner ?? `${hostname()}:${process.pid}`
    this.#now = options.now ?? (() => new Date())
    this.#log = options.log
  }

  get runner(): string {
    return this.#runner
  }

  add(job: Job): void {
    if (this.#jobs.has(job.name)) throw new Error(`job ${job.name} added twice`)
    this.#jobs.set(job.name, job)
  }

  /** Create missing job rows: a new job is first due one interval after it was first seen. */
  async prepare(): Promise<void> {
    const now = isoNow(this.#now())
    for (const job of this.#jobs.values()) await ensureJob(this.#db, job.name, isoPlus(now, job.everyMs))
  }

  /** One poll: run every job whose due run this process claims. Returns the names it ran. */
  async tick(): Promise<string[]> {
    const now = isoNow(this.#now())
    const ran: string[] = []
    for (const name of await dueJobNames(this.#db, [...this.#jobs.keys()], now)) {
      const job = this.#jobs.get(name)
      if (job === undefined || this.#stopped) continue
      const leaseMs = Math.max(job.leaseMs ?? DEFAULT_LEASE_MS, job.everyMs)
      const claimed = await claimJob(this.#db, {
        name,
        now,
        everyMs: job.everyMs,
        leaseMs,
        runner: this.#runner,
      })
      if (!claimed) continue
      let error: string | null = null
      const started = performance.now()
      try {
        await job.run(this.#db)
      } catch (err) {
        error = err instanceof Error ? err.message : String(err)
        this.#log?.error({ err, job: name }, 'scheduled job failed')
      }
      let counters = processCounters.get(name)
      if (counters === undefined) {
        counters = { runs: 0, failures: 0, lastSeconds: 0 }
        processCounters.set(name, counters)
      }
      counters.runs += 1
      if (error !== null) counters.failures += 1
      counters.lastSeconds = (performance.now() - started) / 1000
      await finishJob(this.#db, {
        name,
        runner: this.#runner,
        startedAt: now,
        finishedAt: isoNow(this.#now()),
        error,
      })
      ran.push(name)
    }
    return ran
  }

  /** Create the rows, then poll until `stop` (polls are chained, never overlapping). */
  start(): void {
    const poll = () => {
      this.#running = this.#running
        .then(() => this.tick())
        .catch((err: unknown) => this.#log?.error({ err }, 'job poll failed'))
        .finally(() => {
          if (this.#stopped) return
          this.#timer = setTimeout(poll, this.#pollMs)
          this.#timer.unref()
        })
    }
    this.#running = this.prepare().catch((err: unknown) => this.#log?.error({ err }, 'job table not ready'))
    poll()
  }

  /** Stop polling and wait for a run in flight. */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    await this.#running
  }
}

const runners = new WeakMap<FastifyInstance, JobRunner>()

/**
 * Run `job` in this server through its process's job runner (created on first use, started when the server is
 * ready, stopped before the database closes).
 */
export function registerJob(app: FastifyInstance, db: DB, job: Job): void {
  let runner = runners.get(app)
  if (runner === undefined) {
    const created = new JobRunner(db, { log: app.log })
    runners.set(app, created)
    app.addHook('onReady', (done) => {
      created.start()
      done()
    })
    app.addHook('onClose', async () => {
      await created.stop()
    })
    runner = created
  }
  runner.add(job)
}
