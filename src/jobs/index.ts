/**
 * Jobs: scheduled work that runs exactly once per due time across all server processes, through a job table
 * claimed with a compare-and-set (see job-runner.ts).
 */
export { JobRunner, jobRunCounters, registerJob } from './job-runner.ts'
export type { Job, JobRunCounters, JobRunnerOptions } from './job-runner.ts'
export { findJob, listJobs, makeJobDue } from './jobs.queries.ts'
