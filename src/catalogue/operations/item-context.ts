// Steps shared by the item operations: load an item with its agency, the policy target, the audit record.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor, PolicyTarget } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { findAgencyRef, type AgencyRef } from '../agency-ref.queries.ts'
import type { Item } from '../item.ts'
import { findItem } from '../item.queries.ts'

/** The policy target of anything belonging to `agency`. */
export function agencyTargetOf(agency: AgencyRef): PolicyTarget {
  return { agencyId: agency.id, agencyPath: agency.path }
}

export async function loadAgency(db: DB, agencyId: number): Promise<AgencyRef> {
  const agency = await findAgencyRef(db, agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在', { agencyId: '机构不存在' })
  return agency
}

/** The item and its agency. @throws DomainError('not_found') */
export async function loadItem(db: DB, id: number): Promise<{ item: Item; agency: AgencyRef }> {
  const item = await findItem(db, id)
  if (!item) throw new DomainError('not_found', '信息不存在')
  return { item, agency: await loadAgency(db, item.agencyId) }
}

/** The item as the audit log keeps it: all metadata and the HTML body, not the derived plain text. */
function auditView(item: Item | null): unknown {
  if (item === null) return null
  const { bodyText: _derived, ...rest } = item
  return rest
}

/** Record a change to an item (call inside the operation's transaction). */
export async function auditItem(
  db: DB,
  actor: Actor | null,
  action: string,
  before: Item | null,
  after: Item,
  now?: Date,
): Promise<void> {
  await recordAudit(
    db,
    actor,
    {
      action,
      targetType: 'catalogue_item',
      targetId: after.id,
      agencyId: after.agencyId,
      before: auditView(before),
      after: auditView(after),
    },
    now,
  )
}

/** A status changed under us (another reviewer, a second scheduler run). */
export function staleItem(): DomainError {
  return new DomainError('conflict', '该信息的状态已被他人更改，请刷新后重试')
}
