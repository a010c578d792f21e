// One row per scheduled job (scheduled publication, …): when it is next due and whether a run holds it. A
// process runs a job only after claiming its row with a compare-and-set (jobs.queries.ts), so with any number
// of processes each due run happens exactly once.
export interface ScheduledJobTable {
  /** The job's name, e.g. `catalogue.scheduled-publish`. */
  name: string
  /** ISO-8601 UTC: the job is due when this has passed. */
  next_run_at: string
  /** ISO-8601 UTC: a claimed run holds the job until it finishes or this passes (a crashed process's lease). */
  running_until: string | null
  last_started_at: string | null
  last_finished_at: string | null
  /** `host:pid` of the process that ran it last. */
  last_runner: string | null
  /** The error of the last run, or null when it succeeded. */
  last_error: string | null
  /** How many runs were claimed (each due run once, whatever the number of processes). */
  runs: number
}
