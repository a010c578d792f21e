// 机构管理员 renames, reorders or moves a column within the agency's tree. The slug never changes: it is in
// public URLs.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Column } from '../column.ts'
import type { CatalogueColumnRowUpdate } from '../column.table.ts'
import { findColumn, updateColumnRow } from '../column.queries.ts'
import { UpdateColumnSchema, type UpdateColumnInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTargetOf, loadAgency } from './item-context.ts'

/** Refuse a parent that is the column itself or lies below it (the tree would become a cycle). */
async function checkParent(db: DB, column: Column, parentId: number): Promise<void> {
  let cursor: number | null = parentId
  for (let depth = 0; cursor !== null && depth < 100; depth++) {
    if (cursor === column.id) {
      throw new DomainError('invalid_input', '不能把栏目移到它自己或其下级栏目之下', {
        parentId: '上级栏目无效',
      })
    }
    const node: Column | undefined = await findColumn(db, cursor)
    if (node?.agencyId !== column.agencyId) {
      throw new DomainError('invalid_input', '上级栏目不存在', { parentId: '上级栏目不存在' })
    }
    cursor = node.parentId
  }
}

export async function updateColumn(db: DB, actor: Actor, input: UpdateColumnInput): Promise<Column> {
  const data = parseInput(UpdateColumnSchema, input)
  return withTransaction(db, async (trx) => {
    const before = await findColumn(trx, data.id)
    if (!before) throw new DomainError('not_found', '栏目不存在')
    const agency = await loadAgency(trx, before.agencyId)
    authorizeCatalogue(actor, 'catalogue.column.manage', agencyTargetOf(agency))
    const patch: CatalogueColumnRowUpdate = { updated_at: isoNow() }
    if (data.name !== undefined) patch.name = data.name
    if (data.position !== undefined) patch.position = data.position
    if (data.parentId !== undefined && data.parentId !== before.parentId) {
      if (data.parentId !== null) await checkParent(trx, before, data.parentId)
      patch.parent_id = data.parentId
    }
    const after = await updateColumnRow(trx, before.id, patch)
    await recordAudit(trx, actor, {
      action: 'catalogue.column.update',
      targetType: 'catalogue_column',
      targetId: after.id,
      agencyId: after.agencyId,
      before,
      after,
    })
    return after
  })
}
