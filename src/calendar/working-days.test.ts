// Expected dates are worked out by hand from the State Council holiday notices (国务院办公厅关于部分节假日安排
// 的通知): 2025 — 国办发明电〔2024〕12号; 2026 — 国办发明电〔2025〕7号; 2024 — 国办发明电〔2023〕7号.
//   2025: 元旦 01-01; 春节 01-28…02-04, work Sun 01-26 and Sat 02-08; 国庆/中秋 10-01…10-08, work Sun 09-28 and
//         Sat 10-11.
//   2026: 元旦 01-01…01-03, work Sun 01-04; 春节 02-15…02-23, work Sat 02-14 and Sat 02-28; 国庆 10-01…10-07,
//         work Sun 09-20 and Sat 10-10.
// The first day of a period is not counted (民法典第二百零一条).
import chineseDays from 'chinese-days'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  CalendarYearUnknownError,
  countWorkingDays,
  fromDayNumber,
  isWorkingDay,
  nationalCalendar,
  nextWorkingDay,
  toDayNumber,
} from './index.ts'

const calendar = nationalCalendar()

describe('isWorkingDay', () => {
  it.each([
    ['2025-09-28', true, 'Sunday 调休 make-up day before 国庆'],
    ['2025-10-11', true, 'Saturday 调休 make-up day after 国庆'],
    ['2025-10-06', false, '中秋节 on a Monday'],
    ['2025-10-08', false, 'last day of the 国庆 holiday, a Wednesday'],
    ['2025-10-09', true, 'first weekday after 国庆'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2026-01-02', false, '元旦 holiday on a Friday'],
    ['2026-01-04', true, 'Sunday 调休 make-up day for 元旦'],
    ['2026-02-14', true, 'Saturday 调休 make-up day before 春节'],
    ['2026-02-23', false, '春节 holiday on a Monday (正月初七)'],
    ['2026-02-24', true, 'first weekday after 春节'],
    ['2026-02-28', true, 'Saturday 调休 make-up day after 春节'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected)
  })
})

describe('addWorkingDays', () => {
  it.each([
    // Fri 09-26 → Sat 27 off, Sun 28 make-up = 1.
    ['2025-09-26', 1, '2025-09-28'],
    // 28(1) 29(2) 30(3), 10-01…08 off, 9(4) 10(5) Sat 11(6), 13–17(7–11), 20–24(12–16), 27–30(17–20).
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-01', 1, '2025-10-09'],
    ['2025-10-03', 0, '2025-10-03'],
    // Year end: 2026-01-01…03 off, Sun 01-04 is a make-up working day.
    ['2025-12-31', 1, '2026-01-04'],
    // Fri 2024-12-27: Mon 30(1) Tue 31(2), 2025-01-01 off, Thu 2(3) Fri 3(4), weekend, Mon 6(5).
    ['2024-12-27', 5, '2025-01-06'],
    // 2025 春节: Sun 01-26 make-up(1), Mon 27(2), 01-28…02-04 off, Wed 02-05(3).
    ['2025-01-24', 3, '2025-02-05'],
    // 2026 春节: Sat 02-14 make-up(1), 02-15…23 off, 24–27(2–5), Sat 28 make-up(6), Mar 2–6(7–11),
    // 9–13(12–16), 16–19(17–20).
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 20, '2026-03-19'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(calendar, date, n)).toBe(expected)
  })

  it('refuses a period that runs into a year whose schedule is not known (2027)', () => {
    // 2026-12-21…31 holds 9 working days; the 10th would be in 2027.
    expect(() => addWorkingDays(calendar, '2026-12-20', 20)).toThrow(CalendarYearUnknownError)
    try {
      addWorkingDays(calendar, '2026-12-20', 20)
    } catch (err) {
      expect(err).toMatchObject({ year: 2027, date: '2027-01-01', code: 'unavailable' })
    }
  })

  it('computes a period that ends on the last day of the last known year', () => {
    // 2026-12-21 Mon … 12-25 Fri (5), 12-28 Mon … 12-31 Thu (4): 9 working days, all in 2026.
    expect(addWorkingDays(calendar, '2026-12-20', 9)).toBe('2026-12-31')
  })

  it('rejects negative or fractional counts and malformed dates', () => {
    expect(() => addWorkingDays(calendar, '2025-01-02', -1)).toThrow(RangeError)
    expect(() => addWorkingDays(calendar, '2025-01-02', 1.5)).toThrow(RangeError)
    expect(() => addWorkingDays(calendar, '2025-02-29', 1)).toThrow(/不是有效的日期/)
    expect(() => addWorkingDays(calendar, '2025-9-1', 1)).toThrow(/不是有效的日期/)
  })
})

describe('nextWorkingDay', () => {
  it.each([
    ['2026-09-30', '2026-10-08'], // 国庆 10-01…07 off
    ['2026-09-19', '2026-09-20'], // Sunday 09-20 is a make-up day
    ['2026-02-14', '2026-02-24'], // 春节 02-15…23 off
  ])('after %s comes %s', (date, expected) => {
    expect(nextWorkingDay(calendar, date)).toBe(expected)
  })

  it('throws for a day in an unknown year', () => {
    expect(() => nextWorkingDay(calendar, '2027-03-01')).toThrow(CalendarYearUnknownError)
  })
})

describe('countWorkingDays', () => {
  it.each([
    ['2025-09-26', '2025-10-30', 20],
    ['2025-10-30', '2025-09-26', -20],
    ['2025-10-01', '2025-10-08', 0],
    ['2025-10-08', '2025-10-08', 0],
    ['2025-12-31', '2026-01-05', 2], // Sun 01-04 make-up, Mon 01-05
    ['2026-02-13', '2026-03-19', 20],
  ])('(%s, %s] holds %i working days', (from, to, expected) => {
    expect(countWorkingDays(calendar, from, to)).toBe(expected)
  })

  it('throws when the span reaches an unknown year', () => {
    expect(() => countWorkingDays(calendar, '2026-12-30', '2027-01-04')).toThrow(CalendarYearUnknownError)
  })

  it('is the inverse of addWorkingDays across every known year', () => {
    const first = toDayNumber('2004-01-01')
    const last = toDayNumber('2026-10-31') // leaves room for 40 working days inside 2026
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 40 }), (day, n) => {
        const date = fromDayNumber(day)
        const due = addWorkingDays(calendar, date, n)
        expect(countWorkingDays(calendar, date, due)).toBe(n)
        if (n > 0) expect(isWorkingDay(calendar, due)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it("agrees with the chinese-days package's own findWorkday on every known year (an independent implementation)", () => {
    // findWorkday silently treats unknown years as plain weeks, so the comparison stays inside 2004–2026.
    const first = toDayNumber('2004-01-01')
    const last = toDayNumber('2026-10-31')
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 40 }), (day, n) => {
        const date = fromDayNumber(day)
        expect(addWorkingDays(calendar, date, n)).toBe(chineseDays.findWorkday(n, date))
      }),
      { numRuns: 300 },
    )
  })
})
