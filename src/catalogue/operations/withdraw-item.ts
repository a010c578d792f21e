// 撤稿: a published (or scheduled) item is withdrawn with a reason. The row and its URL stay; the item page
// shows the withdrawal notice instead of the content, and the item leaves lists and the search index.
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Item } from '../item.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { WithdrawItemSchema, type WithdrawItemInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { removeItemFromIndex } from '../search-sync.ts'
import { nextStatus, TRANSITIONS } from '../status.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'

export async function withdrawItem(db: DB, actor: Actor, input: WithdrawItemInput): Promise<Item> {
  const data = parseInput(WithdrawItemSchema, input)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, data.id)
    authorizeCatalogue(actor, 'catalogue.item.withdraw', agencyTargetOf(agency))
    const to = nextStatus(before.status, 'withdraw')
    const now = isoNow()
    const after = await updateItemIfStatus(trx, before.id, TRANSITIONS.withdraw.from, {
      status: to,
      withdrawn_at: now,
      withdrawal_reason: data.reason,
      scheduled_at: null,
      updated_at: now,
    })
    if (!after) throw staleItem()
    await removeItemFromIndex(trx, after.id)
    await auditItem(trx, actor, 'catalogue.item.withdraw', before, after)
    return after
  })
}
