// 机构管理员 deletes an empty column (no sub-columns, no items of any status: an item's URL must keep
// working). The four top-level default columns of 条例 第十二条/第二十条/第四十九条 cannot be deleted.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import { countChildColumns, deleteColumnRow, findColumn } from '../column.queries.ts'
import { PROTECTED_SLUGS } from '../default-columns.ts'
import { columnHasItems } from '../item.queries.ts'
import { ItemIdSchema, type ItemIdInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTargetOf, loadAgency } from './item-context.ts'

export async function deleteColumn(db: DB, actor: Actor, input: ItemIdInput): Promise<void> {
  const { id } = parseInput(ItemIdSchema, input)
  await withTransaction(db, async (trx) => {
    const column = await findColumn(trx, id)
    if (!column) throw new DomainError('not_found', '栏目不存在')
    const agency = await loadAgency(trx, column.agencyId)
    authorizeCatalogue(actor, 'catalogue.column.manage', agencyTargetOf(agency))
    if (column.parentId === null && PROTECTED_SLUGS.includes(column.slug)) {
      throw new DomainError('conflict', '该栏目为法定栏目，不能删除')
    }
    if ((await countChildColumns(trx, id)) > 0) throw new DomainError('conflict', '请先删除或移走下级栏目')
    if (await columnHasItems(trx, id)) throw new DomainError('conflict', '栏目中还有信息，不能删除')
    await deleteColumnRow(trx, id)
    await recordAudit(trx, actor, {
      action: 'catalogue.column.delete',
      targetType: 'catalogue_column',
      targetId: id,
      agencyId: column.agencyId,
      before: column,
    })
  })
}
