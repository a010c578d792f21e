/**
 * Jobs: scheduled work that runs exactly once per due time across all server processes, through a job table
 * claimed with a compare-and-set (see job-runner.ts).
 */
export { JobRunner, registerJob } from './job-runner.ts'
export type { Job, JobRunnerOptions } from './job-runner.ts'
export { findJob, makeJobDue } from './jobs.queries.ts'
