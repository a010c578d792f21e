// Walks the answer period day by day from its start, counting working days, skipping weekends and holidays and
// leaving out paused spans (条例第三十三条第三款), and records why each day counted or not. Linear in days;
// each day is an O(1) calendar lookup.
import {
  dayKindOf,
  fromDayNumber,
  isCalendarYearUnknown,
  isWorkingKind,
  toDayNumber,
} from '../calendar/index.ts'
import type { DayKind, HolidayCalendar, IsoDate } from '../calendar/index.ts'

/** A span during which the answer clock stands still: days in (from, to]; `to` undefined while still open. */
export interface PauseSpan {
  from: IsoDate
  to?: IsoDate
  /** Why, in Chinese with the article, e.g. 征求第三方意见（条例第三十三条第三款）. */
  reason: string
}

/** How one day of the period was treated. */
export type ExplanationKind = 'counted' | 'weekend' | 'holiday' | 'paused'

/** One day of the explanation shown on the case page ("why is my deadline X"). */
export interface ExplanationDay {
  date: IsoDate
  kind: ExplanationKind
  /** For counted days: the running number of working days (1 … limit). */
  count?: number
  /** Why, in Chinese. */
  reason: string
}

/** Where the walk ended. */
export type WalkEnd =
  | { kind: 'due'; date: IsoDate }
  | { kind: 'paused'; since: IsoDate; reason: string }
  | { kind: 'calendar_unknown'; year: number; date: IsoDate }

/** The result of walking the answer period. */
export interface AnswerWalk {
  end: WalkEnd
  /** Working days counted before the walk ended. */
  counted: number
  /** Day-by-day explanation (empty when not requested). */
  days: ExplanationDay[]
}

interface DaySpan {
  from: number
  to: number
  reason: string
}

/** Walks `limit` working days after `start` (start not counted, 民法典第二百零一条), leaving out pauses. */
export function walkAnswerPeriod(
  calendar: HolidayCalendar,
  start: IsoDate,
  limit: number,
  pauses: readonly PauseSpan[],
  explain: boolean,
): AnswerWalk {
  const spans: DaySpan[] = pauses
    .map((p) => ({
      from: toDayNumber(p.from),
      to: p.to === undefined ? Infinity : toDayNumber(p.to),
      reason: p.reason,
    }))
    .sort((a, b) => a.from - b.from)
  const days: ExplanationDay[] = []
  let counted = 0
  let day = toDayNumber(start)
  let next = 0
  while (counted < limit) {
    day++
    while (next < spans.length && (spans[next]?.to ?? Infinity) < day) next++
    const pause = activePause(spans, next, day)
    if (pause !== undefined) {
      if (pause.to === Infinity) {
        return {
          end: { kind: 'paused', since: fromDayNumber(pause.from), reason: pause.reason },
          counted,
          days,
        }
      }
      if (explain) days.push({ date: fromDayNumber(day), kind: 'paused', reason: pause.reason })
      continue
    }
    let kind: DayKind
    try {
      kind = dayKindOf(calendar, day)
    } catch (err) {
      if (!isCalendarYearUnknown(err)) throw err
      return { end: { kind: 'calendar_unknown', year: err.year, date: err.date }, counted, days }
    }
    if (isWorkingKind(kind)) counted++
    if (explain) days.push(explainDay(calendar, day, kind, counted))
  }
  return { end: { kind: 'due', date: fromDayNumber(day) }, counted, days }
}

// Pauses may overlap (a third party and another agency at once); any span covering the day pauses it.
function activePause(spans: readonly DaySpan[], from: number, day: number): DaySpan | undefined {
  for (let i = from; i < spans.length; i++) {
    const span = spans[i]
    if (span === undefined || span.from >= day) break
    if (day <= span.to) return span
  }
  return undefined
}

function explainDay(calendar: HolidayCalendar, day: number, kind: DayKind, counted: number): ExplanationDay {
  const date = fromDayNumber(day)
  const name = calendar.names.get(day)
  switch (kind) {
    case 'workday':
      return { date, kind: 'counted', count: counted, reason: `工作日，计第${counted}个工作日` }
    case 'makeup_workday':
      return {
        date,
        kind: 'counted',
        count: counted,
        reason: `${name ?? ''}调休上班日，计第${counted}个工作日`,
      }
    case 'holiday':
      return { date, kind: 'holiday', reason: `${name ?? '法定节假日'}放假，不计入` }
    case 'weekend':
      return { date, kind: 'weekend', reason: '周末休息日，不计入' }
  }
}
