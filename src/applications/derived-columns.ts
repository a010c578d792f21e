// The work-queue columns of a case, taken from its derived clock. `deriveCaseClock` stays the one place that
// computes them; this only picks what lists need to be indexed queries.
import type { CaseClock } from './deadline.ts'

export interface DerivedColumns {
  status: string
  answer_state: string
  received_on: string | null
  due_date: string | null
  concluded_on: string | null
  outcome: string | null
  event_count: number
}

export function derivedColumns(clock: CaseClock, eventCount: number): DerivedColumns {
  const due = clock.answer.due
  return {
    status: clock.status,
    answer_state: clock.answer.state,
    received_on: clock.receipt.status === 'known' ? clock.receipt.date : null,
    due_date: due?.status === 'due' ? due.date : null,
    concluded_on: clock.conclusion?.on ?? null,
    outcome: clock.conclusion?.outcome ?? null,
    event_count: eventCount,
  }
}
