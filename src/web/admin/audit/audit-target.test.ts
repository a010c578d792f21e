import { describe, expect, it } from 'vitest'
import { auditTargetLabel } from './audit-target.ts'

describe('auditTargetLabel', () => {
  it('names a created agency by the name recorded after the change', () => {
    expect(
      auditTargetLabel({
        targetType: 'agency',
        targetId: '7',
        before: null,
        after: { name: '示例区某某局' },
      }),
    ).toBe('机构 #7：示例区某某局')
  })

  it('names a user by its username, falling back to the state before the change', () => {
    expect(
      auditTargetLabel({ targetType: 'user', targetId: '3', before: { username: 'zhang' }, after: null }),
    ).toBe('用户 #3：zhang')
  })

  it('shows type and id when the change records no name', () => {
    expect(
      auditTargetLabel({ targetType: 'session', targetId: null, before: null, after: { count: 1 } }),
    ).toBe('session')
  })
})
