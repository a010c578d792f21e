// 保密审查员 approves an item after 保密审查: it is published now, or at the chosen time.
import type { Actor } from '../../accounts/index.ts'
import { isSystemActor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Item } from '../item.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { ApproveItemSchema, type ApproveItemInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { nextStatus, TRANSITIONS } from '../status.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'
import { publishItem } from './publish-item.ts'

export async function approveItem(
  db: DB,
  actor: Actor,
  input: ApproveItemInput,
  now: Date = new Date(),
): Promise<Item> {
  const data = parseInput(ApproveItemSchema, input)
  const scheduledAt = data.scheduledAt == null ? null : isoNow(new Date(data.scheduledAt))
  const later = scheduledAt !== null && scheduledAt > isoNow(now)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, data.id)
    authorizeCatalogue(actor, 'catalogue.item.review', agencyTargetOf(agency))
    // 保密审查 is a second pair of eyes: whoever drafted an item cannot also clear it.
    if (!isSystemActor(actor) && before.createdBy === actor.userId) {
      throw new DomainError('forbidden', '不能审查自己起草的信息')
    }
    const reviewerId = isSystemActor(actor) ? null : actor.userId
    if (later) {
      const to = nextStatus(before.status, 'approve_scheduled')
      const after = await updateItemIfStatus(trx, before.id, TRANSITIONS.approve_scheduled.from, {
        status: to,
        scheduled_at: scheduledAt,
        reviewed_by: reviewerId,
        return_reason: null,
        updated_at: isoNow(now),
      })
      if (!after) throw staleItem()
      await auditItem(trx, actor, 'catalogue.item.schedule', before, after)
      return after
    }
    nextStatus(before.status, 'approve_now')
    const after = await publishItem(trx, { item: before, agency, transition: 'approve_now', reviewerId, now })
    await auditItem(trx, actor, 'catalogue.item.publish', before, after)
    return after
  })
}
