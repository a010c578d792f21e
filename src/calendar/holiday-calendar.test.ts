import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  applyCalendarOverrides,
  buildHolidayCalendar,
  CalendarYearUnknownError,
  chineseDaysSource,
  describeDay,
  isWorkingDay,
  isYearKnown,
  nationalCalendar,
} from './index.ts'

describe('chinese-days data', () => {
  const source = chineseDaysSource()

  it('knows every year from 2004 to 2026 and nothing after', () => {
    expect(source.knownYears[0]).toBe(2004)
    expect(source.knownYears.at(-1)).toBe(2026)
    expect(source.knownYears).toHaveLength(23)
  })

  it('holds the 2025 National Day schedule of 国办发明电〔2024〕12号', () => {
    const exceptions = source.exceptions.filter((e) => e.date >= '2025-09-20' && e.date <= '2025-10-15')
    const holidays = exceptions.filter((e) => e.kind === 'holiday').map((e) => e.date)
    const makeups = exceptions.filter((e) => e.kind === 'makeup_workday').map((e) => e.date)
    expect(holidays.sort()).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ])
    expect(makeups.sort()).toEqual(['2025-09-28', '2025-10-11'])
  })

  it('holds the 2026 Spring Festival schedule of 国办发明电〔2025〕7号', () => {
    const exceptions = source.exceptions.filter((e) => e.date >= '2026-02-01' && e.date <= '2026-03-15')
    const holidays = exceptions.filter((e) => e.kind === 'holiday').map((e) => e.date)
    const makeups = exceptions.filter((e) => e.kind === 'makeup_workday').map((e) => e.date)
    expect(holidays.sort()).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ])
    expect(makeups.sort()).toEqual(['2026-02-14', '2026-02-28'])
  })
})

describe('describeDay', () => {
  const calendar = nationalCalendar()

  it.each([
    ['2025-10-01', { kind: 'holiday', isWorkingDay: false, name: '国庆节' }],
    ['2025-10-06', { kind: 'holiday', isWorkingDay: false, name: '中秋' }],
    ['2025-09-28', { kind: 'makeup_workday', isWorkingDay: true, name: '国庆节' }],
    ['2025-10-12', { kind: 'weekend', isWorkingDay: false }],
    ['2025-10-13', { kind: 'workday', isWorkingDay: true }],
  ])('%s is %o', (date, expected) => {
    expect(describeDay(calendar, date)).toEqual({ date, ...expected })
  })

  it('throws CalendarYearUnknownError for 2003 and 2027', () => {
    expect(() => describeDay(calendar, '2003-06-02')).toThrow(CalendarYearUnknownError)
    expect(() => describeDay(calendar, '2027-06-02')).toThrow(CalendarYearUnknownError)
  })
})

describe('applyCalendarOverrides', () => {
  const base = chineseDaysSource()

  it('makes a year computable only once it is declared known', () => {
    // Fictional test data: an admin enters 2027-01-01 (a Friday) as 元旦 before the package has 2027.
    const days = [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }]
    const entered = buildHolidayCalendar(applyCalendarOverrides(base, { days, yearsDeclaredKnown: [] }))
    expect(isYearKnown(entered, 2027)).toBe(false)
    expect(() => addWorkingDays(entered, '2026-12-31', 1)).toThrow(CalendarYearUnknownError)

    const declared = buildHolidayCalendar(applyCalendarOverrides(base, { days, yearsDeclaredKnown: [2027] }))
    expect(isYearKnown(declared, 2027)).toBe(true)
    // Fri 2027-01-01 off, weekend, Mon 01-04.
    expect(addWorkingDays(declared, '2026-12-31', 1)).toBe('2027-01-04')
  })

  it('lets an override turn a make-up day back into a normal weekend', () => {
    const calendar = buildHolidayCalendar(
      applyCalendarOverrides(base, {
        days: [{ date: '2025-10-11', kind: 'normal' }],
        yearsDeclaredKnown: [],
      }),
    )
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(false)
    expect(isWorkingDay(nationalCalendar(), '2025-10-11')).toBe(true)
  })

  it('lets an override replace a holiday by a working day, the later override winning', () => {
    const overrides = {
      days: [
        { date: '2025-10-08', kind: 'holiday' as const },
        { date: '2025-10-08', kind: 'makeup_workday' as const, name: '本地调整' },
      ],
      yearsDeclaredKnown: [],
    }
    const calendar = nationalCalendar(overrides)
    expect(describeDay(calendar, '2025-10-08')).toEqual({
      date: '2025-10-08',
      kind: 'makeup_workday',
      isWorkingDay: true,
      name: '本地调整',
    })
  })
})
