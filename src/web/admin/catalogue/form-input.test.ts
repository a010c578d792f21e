import { describe, expect, it } from 'vitest'
import { idOf, itemFieldsFromForm, scheduledAtOf } from './form-input.ts'

describe('catalogue form input', () => {
  it('turns ids into numbers, empty optional fields into null and keywords into a list', () => {
    const fields = itemFieldsFromForm({
      columnId: '12',
      title: '标题',
      docNumber: '  ',
      writtenOn: '2026-11-20',
      keywords: '政务公开、 工作要点  年报',
    })
    expect(fields.columnId).toBe(12)
    expect(fields.docNumber).toBeNull()
    expect(fields.writtenOn).toBe('2026-11-20')
    expect(fields.keywords).toEqual(['政务公开', '工作要点', '年报'])
    expect(fields.validity).toBeUndefined()
  })

  it('hands junk ids on as NaN for the schema to refuse, and absent ones as undefined', () => {
    expect(idOf({ columnId: 'abc' }, 'columnId')).toBeNaN()
    expect(idOf({}, 'columnId')).toBeUndefined()
  })

  it('reads a datetime-local value as China Standard Time', () => {
    expect(scheduledAtOf({ scheduledAt: '2026-12-01T09:30' })).toBe('2026-12-01T09:30:00+08:00')
    expect(scheduledAtOf({ scheduledAt: '' })).toBeNull()
  })
})
