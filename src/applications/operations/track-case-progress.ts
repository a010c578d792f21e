// What the public tracking page shows beyond `trackApplication`: the binding deadline (or the year whose holiday
// schedule is missing, flagged rather than guessed), whether the clock is paused, and the 补正 request with what
// to correct (条例第三十条). Same proof as `trackApplication` (tracking code + phone, one generic error); no
// personal data, no officer names, no internal notes.
import type { IsoDate } from '../../calendar/index.ts'
import type { DB } from '../../storage/index.ts'
import { findCaseByTrackingCode, listCaseEvents } from '../application.queries.ts'
import { deriveCaseClock } from '../deadline.ts'
import { calendarOf } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'
import { trackApplication } from './track-application.ts'
import type { TrackApplicationInput, TrackedApplication } from './track-application.ts'
import { DomainError } from '../../shared/domain-error.ts'

/** The answer deadline as the applicant may see it. */
export type TrackedDeadline =
  /** The binding due date (条例第三十三条, or a later one set under 第三十五条). */
  | { readonly kind: 'due'; readonly date: IsoDate; readonly limitWorkingDays: number }
  /** The period reaches a year whose official holiday schedule is not published yet. */
  | { readonly kind: 'calendar_unknown'; readonly year: number }
  /** The clock does not run yet: receipt not confirmed, or the corrected application is awaited. */
  | { readonly kind: 'not_started' }
  /** A consultation (or the fee period) pauses the clock (条例第三十三条第三款). */
  | { readonly kind: 'paused'; readonly since: IsoDate | null; readonly countedWorkingDays: number }
  /** The case is concluded: no deadline any more. */
  | { readonly kind: 'concluded' }

/** A 补正 request as the applicant sees it. */
export interface TrackedCorrection {
  readonly requestedOn: IsoDate
  readonly items: readonly string[]
  readonly periodWorkingDays: number
  /** Last day to send the correction, or the unknown year that prevented computing it. */
  readonly dueDate: IsoDate | null
  readonly dueYearUnknown: number | null
  readonly receivedOn: IsoDate | null
}

/** Everything the tracking page shows. */
export interface TrackedProgress extends TrackedApplication {
  readonly deadline: TrackedDeadline
  readonly correction: TrackedCorrection | null
}

/** Status, deadline, 补正 request and sent letters of one application, for its applicant. */
export async function trackCaseProgress(
  db: DB,
  input: TrackApplicationInput,
  options: OperationOptions = {},
): Promise<TrackedProgress> {
  const tracked = await trackApplication(db, input)
  const row = await findCaseByTrackingCode(db, tracked.trackingCode)
  if (!row) throw new DomainError('not_found', '查询码或联系电话不正确')
  const events = (await listCaseEvents(db, row.id)).map((s) => s.event)
  const clock = deriveCaseClock(events, calendarOf(options), { explain: false })
  const requested = events.findLast((e) => e.type === 'correction_requested')
  const correction: TrackedCorrection | null =
    clock.correction && requested?.type === 'correction_requested'
      ? {
          requestedOn: clock.correction.requestedOn,
          items: requested.items,
          periodWorkingDays: clock.correction.periodWorkingDays,
          dueDate: clock.correction.applicantDue.status === 'due' ? clock.correction.applicantDue.date : null,
          dueYearUnknown:
            clock.correction.applicantDue.status === 'calendar_unknown'
              ? clock.correction.applicantDue.year
              : null,
          receivedOn: clock.correction.receivedOn ?? null,
        }
      : null
  return { ...tracked, deadline: deadlineOf(clock), correction }
}

function deadlineOf(clock: ReturnType<typeof deriveCaseClock>): TrackedDeadline {
  if (clock.conclusion) return { kind: 'concluded' }
  const { answer } = clock
  if (answer.due?.status === 'calendar_unknown') return { kind: 'calendar_unknown', year: answer.due.year }
  if (answer.state === 'paused') {
    return {
      kind: 'paused',
      since: answer.pausedSince ?? null,
      countedWorkingDays: answer.countedWorkingDays,
    }
  }
  if (answer.due?.status === 'due') {
    return { kind: 'due', date: answer.due.date, limitWorkingDays: answer.limitWorkingDays }
  }
  return { kind: 'not_started' }
}
