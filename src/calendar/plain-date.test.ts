import { describe, expect, it } from 'vitest'
import { addCalendarDays, fromDayNumber, InvalidDateError, toDayNumber, yearOf } from './plain-date.ts'

describe('date-only arithmetic', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-02-29', 11016],
    ['2025-10-01', 20362],
  ])('%s is day %i since 1970-01-01', (date, day) => {
    expect(toDayNumber(date)).toBe(day)
    expect(fromDayNumber(day)).toBe(date)
  })

  it.each([
    '2100-02-29',
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-01',
    '20250101',
    '',
  ])('rejects %s', (date) => {
    expect(() => toDayNumber(date)).toThrow(InvalidDateError)
  })

  it('crosses month, leap-day and year ends', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(yearOf('2026-12-31')).toBe(2026)
  })
})
