// 机构管理员 adds a column to an agency's tree.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Column } from '../column.ts'
import { findColumn, findColumnBySlug, insertColumn, nextColumnPosition } from '../column.queries.ts'
import { CreateColumnSchema, type CreateColumnInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTargetOf, loadAgency } from './item-context.ts'

export async function createColumn(db: DB, actor: Actor, input: CreateColumnInput): Promise<Column> {
  const data = parseInput(CreateColumnSchema, input)
  return withTransaction(db, async (trx) => {
    const agency = await loadAgency(trx, data.agencyId)
    authorizeCatalogue(actor, 'catalogue.column.manage', agencyTargetOf(agency))
    const parentId = data.parentId ?? null
    if (parentId !== null) {
      const parent = await findColumn(trx, parentId)
      if (parent?.agencyId !== agency.id) {
        throw new DomainError('invalid_input', '上级栏目不存在', { parentId: '上级栏目不存在' })
      }
    }
    if (await findColumnBySlug(trx, agency.id, data.slug)) {
      throw new DomainError('conflict', '栏目标识已被使用', { slug: '栏目标识已被使用' })
    }
    const now = isoNow()
    const column = await insertColumn(trx, {
      agency_id: agency.id,
      parent_id: parentId,
      name: data.name,
      slug: data.slug,
      kind: data.kind ?? 'custom',
      position: data.position ?? (await nextColumnPosition(trx, agency.id, parentId)),
      created_at: now,
      updated_at: now,
    })
    await recordAudit(trx, actor, {
      action: 'catalogue.column.create',
      targetType: 'catalogue_column',
      targetId: column.id,
      agencyId: agency.id,
      after: column,
    })
    return column
  })
}
