// The job table on both engines: several runners (processes in miniature) polling at once run a due job
// exactly once, the next run comes one interval later, a failed run is recorded and releases the job, and a
// run held by a process that died is taken over when its lease ends.
import { describe, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { isoNow } from '../storage/index.ts'
import { JobRunner, findJob, makeJobDue, type Job } from './index.ts'
import { claimJob } from './jobs.queries.ts'

describeDb('job runner', () => {
  const t = useTestDb()
  let clock = new Date('2026-11-27T08:00:00Z')
  const now = () => clock

  function counting(name: string, everyMs: number, fail = false): Job & { runs: number } {
    const job = {
      name,
      everyMs,
      runs: 0,
      run: async () => {
        job.runs += 1
        await new Promise((r) => setTimeout(r, 20))
        if (fail) throw new Error('boom')
      },
    }
    return job
  }

  function runners(n: number, job: Job): JobRunner[] {
    return Array.from({ length: n }, (_, i) => {
      const runner = new JobRunner(t.db, { runner: `test:${i}`, now })
      runner.add(job)
      return runner
    })
  }

  it('five runners polling at once run a due job once; it is due again one interval later', async () => {
    const job = counting('test.once', 60_000)
    const all = runners(5, job)
    await Promise.all(all.map((r) => r.prepare()))
    // Not due before its first interval.
    expect((await Promise.all(all.map((r) => r.tick()))).flat()).toEqual([])
    clock = new Date(clock.getTime() + 60_000)
    const ran = (await Promise.all(all.map((r) => r.tick()))).flat()
    expect(ran).toEqual(['test.once'])
    expect(job.runs).toBe(1)
    // Polled again within the interval: nothing.
    clock = new Date(clock.getTime() + 59_000)
    expect((await Promise.all(all.map((r) => r.tick()))).flat()).toEqual([])
    clock = new Date(clock.getTime() + 1_000)
    expect((await Promise.all(all.map((r) => r.tick()))).flat()).toEqual(['test.once'])
    expect(job.runs).toBe(2)
    const row = await findJob(t.db, 'test.once')
    expect(row?.runs).toBe(2)
    expect(row?.running_until).toBeNull()
    expect(row?.last_error).toBeNull()
    expect(row?.last_runner).toMatch(/^test:[0-4]$/)
  })

  it('concurrent claims of one due run: exactly one wins (40 attempts at once)', async () => {
    const job = counting('test.claim', 60_000)
    const [runner] = runners(1, job)
    await runner?.prepare()
    await makeJobDue(t.db, 'test.claim', isoNow(clock))
    const at = isoNow(clock)
    const wins = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        claimJob(t.db, { name: 'test.claim', now: at, everyMs: 60_000, leaseMs: 600_000, runner: `c${i}` }),
      ),
    )
    expect(wins.filter(Boolean)).toHaveLength(1)
    expect((await findJob(t.db, 'test.claim'))?.runs).toBe(1)
  })

  it('a failed run is recorded and releases the job', async () => {
    const job = counting('test.fail', 1_000, true)
    const [runner] = runners(1, job)
    await runner?.prepare()
    await makeJobDue(t.db, 'test.fail', isoNow(clock))
    expect(await runner?.tick()).toEqual(['test.fail'])
    const row = await findJob(t.db, 'test.fail')
    expect(row?.last_error).toBe('boom')
    expect(row?.running_until).toBeNull()
  })

  it('a run held by a process that died is taken over only after its lease', async () => {
    const job = Object.assign(counting('test.lease', 1_000), { leaseMs: 30_000 })
    const [survivor] = runners(1, job)
    await survivor?.prepare()
    await makeJobDue(t.db, 'test.lease', isoNow(clock))
    // A process claims the run and dies before finishing it.
    expect(
      await claimJob(t.db, {
        name: 'test.lease',
        now: isoNow(clock),
        everyMs: 1_000,
        leaseMs: 30_000,
        runner: 'dead:1',
      }),
    ).toBe(true)
    clock = new Date(clock.getTime() + 5_000)
    expect(await survivor?.tick()).toEqual([])
    clock = new Date(clock.getTime() + 26_000)
    expect(await survivor?.tick()).toEqual(['test.lease'])
    expect(job.runs).toBe(1)
  })
})

describe('job runner registration', () => {
  it('refuses the same job twice in one runner', () => {
    const runner = new JobRunner({} as never)
    const job: Job = { name: 'x', everyMs: 1, run: () => Promise.resolve() }
    runner.add(job)
    expect(() => runner.add(job)).toThrow('added twice')
  })
})
