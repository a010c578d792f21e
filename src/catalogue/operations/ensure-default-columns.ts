// Give an agency the default column tree (called on demand, e.g. the first time its 专栏 is opened or by
// the console). Idempotent: columns are identified by slug, so only missing ones are added and columns an
// administrator renamed or moved are left as they are.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Column, ColumnNode } from '../column.ts'
import { buildColumnTree } from '../column.ts'
import { insertColumn, listAgencyColumns } from '../column.queries.ts'
import {
  defaultColumnSpecs,
  defaultLocalExtras,
  type ColumnSpec,
  type LocalExtras,
} from '../default-columns.ts'
import { agencyTargetOf, loadAgency } from './item-context.ts'

export async function ensureDefaultColumns(
  db: DB,
  actor: Actor,
  agencyId: number,
  options: { readonly extras?: LocalExtras } = {},
): Promise<ColumnNode[]> {
  return withTransaction(db, async (trx) => {
    const agency = await loadAgency(trx, agencyId)
    authorizeCatalogue(actor, 'catalogue.column.manage', agencyTargetOf(agency))
    const existing = await listAgencyColumns(trx, agency.id)
    const bySlug = new Map(existing.map((c) => [c.slug, c]))
    const created: Column[] = []
    const now = isoNow()

    const ensure = async (specs: readonly ColumnSpec[], parentId: number | null): Promise<void> => {
      for (const [position, spec] of specs.entries()) {
        let column = bySlug.get(spec.slug)
        if (!column) {
          column = await insertColumn(trx, {
            agency_id: agency.id,
            parent_id: parentId,
            name: spec.name,
            slug: spec.slug,
            kind: spec.kind,
            position,
            created_at: now,
            updated_at: now,
          })
          bySlug.set(spec.slug, column)
          created.push(column)
        }
        if (spec.children) await ensure(spec.children, column.id)
      }
    }
    await ensure(defaultColumnSpecs(options.extras ?? defaultLocalExtras(agency.kind)), null)

    if (created.length > 0) {
      await recordAudit(trx, actor, {
        action: 'catalogue.column.create_defaults',
        targetType: 'agency',
        targetId: agency.id,
        agencyId: agency.id,
        after: created.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
      })
    }
    return buildColumnTree([...bySlug.values()])
  })
}
