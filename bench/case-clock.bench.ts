// `npm run bench -- case-clock [cases]`: derive the clock of N generated cases (default 100 000), with and
// without the day-by-day explanation. Target (issue 5): all cases in < 2 s.
import { performance } from 'node:perf_hooks'
import { addCalendarDays, nationalCalendar } from '../src/calendar/index.ts'
import type { ClockEvent } from '../src/applications/index.ts'
import { deriveCaseClock } from '../src/applications/index.ts'
import { random } from './support.ts'

function generateCase(next: () => number): ClockEvent[] {
  const received = addCalendarDays('2025-01-02', Math.floor(next() * 650))
  const events: ClockEvent[] = [
    { type: 'received', on: received, channel: next() < 0.5 ? 'online' : 'in_person' },
  ]
  let day = received
  const later = (max: number) => (day = addCalendarDays(day, 1 + Math.floor(next() * max)))
  if (events[0]?.type === 'received' && events[0].channel === 'online') {
    events.push({ type: 'confirmed', on: later(2) })
  }
  if (next() < 0.15) {
    events.push({
      type: 'correction_requested',
      on: later(5),
      correctionPeriodWorkingDays: 10,
      items: ['补正'],
    })
    events.push({ type: 'correction_received', on: later(10) })
  }
  if (next() < 0.2) {
    events.push({ type: 'consultation_started', on: later(8), id: 'c1', party: 'third_party' })
    events.push({ type: 'consultation_answered', on: later(15), id: 'c1', objection: false })
  }
  if (next() < 0.2) {
    events.push({
      type: 'extension_approved',
      on: later(10),
      approver: '主任',
      workingDays: 20,
      reason: '复杂',
    })
  }
  if (next() < 0.05) {
    events.push({ type: 'fee_notice_sent', on: later(5), method: 'per_volume', amountYuan: 700 })
  }
  if (next() < 0.7) events.push({ type: 'answered', on: later(20), answerType: 'disclosed' })
  return events
}

export default async function (args: string[]): Promise<void> {
  const count = Number(args[0] ?? 100_000)
  const t0 = performance.now()
  const calendar = nationalCalendar()
  const t1 = performance.now()
  const next = random(42)
  const cases = Array.from({ length: count }, () => generateCase(next))
  console.log(`calendar build ${(t1 - t0).toFixed(1)} ms; generated ${count} cases`)
  for (const explain of [false, true]) {
    for (let run = 1; run <= 3; run++) {
      const start = performance.now()
      const cpu = process.cpuUsage()
      let running = 0
      for (const events of cases) {
        if (deriveCaseClock(events, calendar, { explain }).answer.state === 'running') running++
      }
      const ms = performance.now() - start
      const used = process.cpuUsage(cpu)
      const cpuMs = (used.user + used.system) / 1000
      console.log(
        `explain=${explain} run ${run}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU for ${count} cases ` +
          `(${running} with a running due date)`,
      )
    }
  }
  await Promise.resolve()
}
