import { describe, expect, it } from 'vitest'
import { DomainError } from '../shared/domain-error.ts'
import { ITEM_STATUSES, type ItemStatus } from './item.ts'
import { canTransition, isEditable, nextStatus, TRANSITIONS, type ItemTransition } from './status.ts'

const ALLOWED: Record<ItemTransition, Partial<Record<ItemStatus, ItemStatus>>> = {
  submit: { draft: 'in_review', returned: 'in_review' },
  return: { in_review: 'returned' },
  approve_now: { in_review: 'published' },
  approve_scheduled: { in_review: 'scheduled' },
  publish_scheduled: { scheduled: 'published' },
  withdraw: { published: 'withdrawn', scheduled: 'withdrawn' },
}

describe('item workflow', () => {
  for (const transition of Object.keys(TRANSITIONS) as ItemTransition[]) {
    for (const from of ITEM_STATUSES) {
      const to = ALLOWED[transition][from]
      it(`${transition} from ${from} ${to ? `→ ${to}` : 'is refused'}`, () => {
        expect(canTransition(from, transition)).toBe(to !== undefined)
        if (to) expect(nextStatus(from, transition)).toBe(to)
        else {
          expect(() => nextStatus(from, transition)).toThrow(DomainError)
          expect(() => nextStatus(from, transition)).toThrow(/不能执行/)
        }
      })
    }
  }

  it('walks draft → review → returned → review → scheduled → published → withdrawn', () => {
    const steps: ItemTransition[] = [
      'submit',
      'return',
      'submit',
      'approve_scheduled',
      'publish_scheduled',
      'withdraw',
    ]
    expect(steps.reduce<ItemStatus>((s, t) => nextStatus(s, t), 'draft')).toBe('withdrawn')
  })

  it('lets content change only in draft and returned', () => {
    expect(ITEM_STATUSES.filter(isEditable)).toEqual(['draft', 'returned'])
  })

  it('has no way out of withdrawn', () => {
    expect(
      (Object.keys(TRANSITIONS) as ItemTransition[]).filter((t) => canTransition('withdrawn', t)),
    ).toEqual([])
  })
})
