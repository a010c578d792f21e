// The one path by which a case changes: load and lock the case, check the policy, refuse an event the statute
// does not allow (`problemsOfNewEvent`), append it, recompute the derived columns with `deriveCaseClock`, and
// record the audit entry — all in one transaction.
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeApplication, caseTarget } from '../application.policy.ts'
import { insertCaseEvent, listCaseEvents, lockCaseRow, updateDerivedColumns } from '../application.queries.ts'
import type { CaseRow } from '../application.queries.ts'
import type { ClockEvent } from '../clock-events.ts'
import { deriveCaseClock, problemsOfNewEvent } from '../deadline.ts'
import type { CaseClock } from '../deadline.ts'
import { derivedColumns } from '../derived-columns.ts'
import { calendarOf, chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

/** What an operation gets back: the case row after the change and its derived clock. */
export interface CaseChange {
  readonly applicationId: number
  readonly trackingCode: string
  readonly clock: CaseClock
}

/** Loads a case for a handling step. @throws DomainError not_found, forbidden */
export async function loadCaseToHandle(db: DB, actor: Actor, applicationId: number): Promise<CaseRow> {
  const row = await lockCaseRow(db, applicationId)
  if (!row) throw new DomainError('not_found', '申请不存在')
  authorizeApplication(
    actor,
    'application.handle',
    caseTarget({ agencyId: row.agency_id, agencyPath: row.agency_path }),
  )
  return row
}

/**
 * Appends `makeEvent(row, events)` to the case. `actor` null is the applicant's own online submission (only
 * used at intake). @throws DomainError invalid_input (future date), conflict (the statute refuses the event)
 */
export async function appendCaseEvent(
  db: DB,
  actor: Actor,
  applicationId: number,
  action: string,
  makeEvent: (row: CaseRow, events: readonly ClockEvent[]) => ClockEvent | Promise<ClockEvent>,
  options: OperationOptions = {},
  afterAppend?: (trx: DB, row: CaseRow, clock: CaseClock) => Promise<void>,
): Promise<CaseChange> {
  const calendar = calendarOf(options)
  return withTransaction(db, async (trx) => {
    const row = await loadCaseToHandle(trx, actor, applicationId)
    const stored = await listCaseEvents(trx, row.id)
    const events = stored.map((s) => s.event)
    const event = await makeEvent(row, events)
    if (event.on > chinaToday(options.now)) {
      throw new DomainError('invalid_input', '日期不能晚于今天', { on: '日期不能晚于今天' })
    }
    const refused = problemsOfNewEvent(events, event, calendar).find((p) => p.severity === 'error')
    if (refused) throw new DomainError('conflict', refused.message)
    const recordedAt = isoNow(options.now)
    await insertCaseEvent(trx, row.id, events.length + 1, event, actor.userId || null, recordedAt)
    const all = [...events, event]
    const clock = deriveCaseClock(all, calendar, { explain: false })
    await updateDerivedColumns(trx, row.id, derivedColumns(clock, all.length), recordedAt)
    if (afterAppend) await afterAppend(trx, row, clock)
    await recordAudit(
      trx,
      actor,
      {
        action,
        targetType: 'application',
        targetId: row.id,
        agencyId: row.agency_id,
        before: { status: row.status, dueDate: row.due_date },
        after: { event, status: clock.status, dueDate: derivedColumns(clock, all.length).due_date },
      },
      options.now,
    )
    return { applicationId: row.id, trackingCode: row.tracking_code, clock }
  })
}
