// 保密审查员 returns an item to its publisher with a reason; the publisher edits and submits it again.
import type { Actor } from '../../accounts/index.ts'
import { isSystemActor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Item } from '../item.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { ReturnForChangesSchema, type ReturnForChangesInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { nextStatus, TRANSITIONS } from '../status.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'

export async function returnForChanges(db: DB, actor: Actor, input: ReturnForChangesInput): Promise<Item> {
  const data = parseInput(ReturnForChangesSchema, input)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, data.id)
    authorizeCatalogue(actor, 'catalogue.item.review', agencyTargetOf(agency))
    const to = nextStatus(before.status, 'return')
    const after = await updateItemIfStatus(trx, before.id, TRANSITIONS.return.from, {
      status: to,
      return_reason: data.reason,
      reviewed_by: isSystemActor(actor) ? null : actor.userId,
      updated_at: isoNow(),
    })
    if (!after) throw staleItem()
    await auditItem(trx, actor, 'catalogue.item.return', before, after)
    return after
  })
}
