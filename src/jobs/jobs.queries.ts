// SQL of the job table. The claim is one conditional UPDATE: on PostgreSQL a second process updating the same
// row waits for the first to commit, then re-checks the WHERE clause against the new row and matches nothing;
// SQLite has one writer at a time. Either way exactly one process gets the row back per due run.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import { isoPlus } from '../storage/index.ts'

/** Create the job's row (first due one interval from now) unless it exists. */
export async function ensureJob(db: DB, name: string, firstRunAt: string): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({ name, next_run_at: firstRunAt, runs: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
}

/** Names of the given jobs that are due and not held by a run (a cheap read before trying to claim). */
export async function dueJobNames(db: DB, names: readonly string[], now: string): Promise<string[]> {
  if (names.length === 0) return []
  const rows = await db
    .selectFrom('scheduled_jobs')
    .select('name')
    .where('name', 'in', names)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('running_until', 'is', null), eb('running_until', '<=', now)]))
    .execute()
  return rows.map((r) => r.name)
}

/**
 * Claim one due run of `name`: moves next_run_at one interval on and holds the job for `leaseMs`. True for
 * exactly one caller per due run.
 */
export async function claimJob(
  db: DB,
  claim: { name: string; now: string; everyMs: number; leaseMs: number; runner: string },
): Promise<boolean> {
  const result = await db
    .updateTable('scheduled_jobs')
    .set({
      next_run_at: isoPlus(claim.now, claim.everyMs),
      running_until: isoPlus(claim.now, claim.leaseMs),
      last_started_at: claim.now,
      last_runner: claim.runner,
      runs: sql<number>`runs + 1`,
    })
    .where('name', '=', claim.name)
    .where('next_run_at', '<=', claim.now)
    .where((eb) => eb.or([eb('running_until', 'is', null), eb('running_until', '<=', claim.now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Release the job after a run (only if this runner still holds it), recording how it ended. */
export async function finishJob(
  db: DB,
  done: { name: string; runner: string; startedAt: string; finishedAt: string; error: string | null },
): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({ running_until: null, last_finished_at: done.finishedAt, last_error: done.error })
    .where('name', '=', done.name)
    .where('last_runner', '=', done.runner)
    .where('last_started_at', '=', done.startedAt)
    .execute()
}

/** Make a job due now (CLI `--now`, tests). */
export async function makeJobDue(db: DB, name: string, now: string): Promise<void> {
  await db.updateTable('scheduled_jobs').set({ next_run_at: now }).where('name', '=', name).execute()
}

export async function findJob(db: DB, name: string) {
  return db.selectFrom('scheduled_jobs').selectAll().where('name', '=', name).executeTakeFirst()
}

/** Every job row (a handful), for GET /metrics. */
export async function listJobs(db: DB) {
  return db
    .selectFrom('scheduled_jobs')
    .select(['name', 'runs', 'last_finished_at', 'last_error', 'running_until', 'next_run_at'])
    .orderBy('name')
    .execute()
}
