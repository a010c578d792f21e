import { describe, expect, it } from 'vitest'
import { reportDeadline, reportKindOf } from './deadline.ts'

describe('reportDeadline (条例第四十九条)', () => {
  it('gives departments 31 January and county-or-higher governments 31 March of the next year', () => {
    expect(reportDeadline(2025, 'department', '2026-01-01')).toMatchObject({
      date: '2026-01-31',
      daysLeft: 30,
    })
    expect(reportDeadline(2025, 'government', '2026-01-01')).toMatchObject({
      date: '2026-03-31',
      daysLeft: 89,
    })
  })
  it('counts days past the deadline as negative, and has no date for townships unless configured', () => {
    expect(reportDeadline(2025, 'department', '2026-02-02').daysLeft).toBe(-2)
    expect(reportDeadline(2025, 'township', '2026-01-01')).toMatchObject({ date: null, daysLeft: null })
    const province = { department: '01-31', government: '03-31', township: '02-28' }
    expect(reportDeadline(2025, 'township', '2026-02-01', province)).toMatchObject({
      date: '2026-02-28',
      daysLeft: 27,
    })
  })
  it('maps agency kinds: 人民政府 → government, 乡镇/街道 → township, the rest → department', () => {
    expect(
      ['government', 'township', 'street_office', 'general_office', 'department', 'other'].map(reportKindOf),
    ).toEqual(['government', 'township', 'township', 'department', 'department', 'department'])
  })
})
