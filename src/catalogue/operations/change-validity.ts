// 有效性: mark an item 有效, 失效 (expired) or 废止 (repealed), with its 实施日期/废止日期. A 规章 or 行政规范性文件
// marked 废止 counts in 表二 （一） 废止件数 of the year of its 废止日期.
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Item, ItemStatus } from '../item.ts'
import { chinaDateOf } from '../item.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { ChangeValiditySchema, type ChangeValidityInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { checkItemFields } from './check-item-fields.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'

const CHANGEABLE: readonly ItemStatus[] = ['draft', 'in_review', 'returned', 'scheduled', 'published']

export async function changeValidity(db: DB, actor: Actor, input: ChangeValidityInput): Promise<Item> {
  const data = parseInput(ChangeValiditySchema, input)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, data.id)
    authorizeCatalogue(actor, 'catalogue.item.change_validity', agencyTargetOf(agency))
    if (!CHANGEABLE.includes(before.status)) throw new DomainError('conflict', '已撤稿的信息不能修改有效性')
    const now = isoNow()
    const effectiveOn = data.effectiveOn === undefined ? before.effectiveOn : data.effectiveOn
    // The day it ceased to be valid defaults to today; a valid item has none.
    const repealedOn =
      data.validity === 'valid'
        ? (data.repealedOn ?? null)
        : (data.repealedOn ?? before.repealedOn ?? chinaDateOf(now))
    await checkItemFields(trx, agency.id, { effectiveOn, repealedOn })
    const after = await updateItemIfStatus(trx, before.id, CHANGEABLE, {
      validity: data.validity,
      effective_on: effectiveOn,
      repealed_on: repealedOn,
      updated_at: now,
    })
    if (!after) throw staleItem()
    await auditItem(trx, actor, 'catalogue.item.change_validity', before, after)
    return after
  })
}
