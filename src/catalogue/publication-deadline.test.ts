import { describe, expect, it } from 'vitest'
import { deadlineStanding, isPublishedOnTime, publicationDeadline } from './publication-deadline.ts'

// 条例 第二十六条: publish within 20 working days of the information being formed or changed. The formation
// day is not counted (民法典 第二百零一条); holidays and 调休 make-up days come from the national calendar.
describe('publicationDeadline (条例 第二十六条)', () => {
  it.each([
    // 2025 春节: 01-28…02-04 off; Sunday 01-26 and Saturday 02-08 are make-up working days.
    ['2025-01-20', '2025-02-21'],
    // 2025 国庆 + 中秋: 10-01…10-08 off; Sunday 09-28 and Saturday 10-11 are make-up working days.
    ['2025-09-26', '2025-10-30'],
    // 2026 春节: 02-15…02-23 off; Saturdays 02-14 and 02-28 are make-up working days.
    ['2026-02-06', '2026-03-12'],
    // An ordinary stretch: four weeks of five working days.
    ['2025-06-02', '2025-06-30'],
    // Across a year end whose next year is known.
    ['2024-12-20', '2025-01-20'],
  ])('information formed on %s is due on %s', (madeOn, dueOn) => {
    expect(publicationDeadline(madeOn)).toEqual({ known: true, dueOn })
  })

  it('reports a year the calendar does not know as unknown, never computing on weekends alone', () => {
    expect(publicationDeadline('2026-12-20')).toEqual({ known: false, unknownYear: 2027 })
  })
})

describe('isPublishedOnTime', () => {
  it('is true up to and including the due day, false after, null without a formation date or calendar', () => {
    expect(isPublishedOnTime('2025-09-26', '2025-10-30')).toBe(true)
    expect(isPublishedOnTime('2025-09-26', '2025-10-31')).toBe(false)
    expect(isPublishedOnTime(null, '2025-10-31')).toBeNull()
    expect(isPublishedOnTime('2026-12-20', '2026-12-21')).toBeNull()
  })
})

describe('deadlineStanding', () => {
  it('counts working days left (due soon at 3 or fewer) and working days late', () => {
    expect(deadlineStanding('2026-02-06', '2026-03-06')).toEqual({
      kind: 'in_time',
      dueOn: '2026-03-12',
      workingDaysLeft: 4,
    })
    expect(deadlineStanding('2026-02-06', '2026-03-09')).toEqual({
      kind: 'due_soon',
      dueOn: '2026-03-12',
      workingDaysLeft: 3,
    })
    expect(deadlineStanding('2026-02-06', '2026-03-12')).toMatchObject({
      kind: 'due_soon',
      workingDaysLeft: 0,
    })
    expect(deadlineStanding('2026-02-06', '2026-03-16')).toEqual({
      kind: 'late',
      dueOn: '2026-03-12',
      workingDaysLate: 2,
    })
    // 2025-10-01…08 are holidays: on 10-09 there are still 16 working days to 10-30
    // (10-10, make-up Saturday 10-11, then 5 + 5 + 4).
    expect(deadlineStanding('2025-09-26', '2025-10-09')).toMatchObject({
      kind: 'in_time',
      workingDaysLeft: 16,
    })
    expect(deadlineStanding('2026-12-20', '2026-12-21')).toEqual({ kind: 'unknown', unknownYear: 2027 })
  })
})
