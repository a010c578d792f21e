// 信息发布员 submits a draft (or a returned item) for 保密审查.
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Item } from '../item.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { ItemIdSchema, type ItemIdInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { nextStatus, TRANSITIONS } from '../status.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'

export async function submitForReview(db: DB, actor: Actor, input: ItemIdInput): Promise<Item> {
  const { id } = parseInput(ItemIdSchema, input)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, id)
    authorizeCatalogue(actor, 'catalogue.item.edit', agencyTargetOf(agency))
    const to = nextStatus(before.status, 'submit')
    // 条例 第二十六条 counts from 形成或变更日期: without it the item's deadline cannot be checked.
    if (before.madeOn === null) {
      throw new DomainError('invalid_input', '请填写形成或变更日期后再提交审查', {
        madeOn: '请填写形成或变更日期',
      })
    }
    const now = isoNow()
    const after = await updateItemIfStatus(trx, id, TRANSITIONS.submit.from, {
      status: to,
      submitted_at: now,
      updated_at: now,
    })
    if (!after) throw staleItem()
    await auditItem(trx, actor, 'catalogue.item.submit', before, after)
    return after
  })
}
