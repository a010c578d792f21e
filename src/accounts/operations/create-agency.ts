// Create an agency under a parent the actor manages (or a root, for platform administrators).
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import type { Agency } from '../agency.ts'
import { findAgency, insertAgency } from '../agency.queries.ts'
import { CreateAgencySchema, type CreateAgencyInput } from '../agency.schema.ts'
import { recordAudit } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTarget, authorize } from '../policy.ts'
import type { Actor } from '../user.ts'

export async function createAgency(db: DB, actor: Actor, input: CreateAgencyInput): Promise<Agency> {
  const data = parseInput(CreateAgencySchema, input)
  return withTransaction(db, async (trx) => {
    const parent = data.parentId === null ? null : await findAgency(trx, data.parentId)
    if (data.parentId !== null && !parent) throw new DomainError('not_found', '上级机构不存在')
    // A root has no parent to check against: only a platform administrator may add one.
    if (parent) authorize(actor, 'agency.create', agencyTarget(parent))
    else if (!actor.roles.includes('platform_admin')) {
      throw new DomainError('forbidden', '只有平台管理员可以创建顶级机构')
    }

    const now = isoNow()
    const agency = await insertAgency(
      trx,
      {
        parent_id: parent?.id ?? null,
        name: data.name,
        kind: data.kind,
        credit_code: data.creditCode,
        org_code: data.orgCode,
        site_code: data.site?.siteCode ?? null,
        site_sponsor: data.site?.sponsor ?? null,
        icp_record: data.site?.icpRecord ?? null,
        police_record: data.site?.policeRecord ?? null,
        guide_office: data.guide?.office ?? null,
        guide_address: data.guide?.address ?? null,
        guide_hours: data.guide?.hours ?? null,
        guide_phone: data.guide?.phone ?? null,
        guide_fax: data.guide?.fax ?? null,
        guide_email: data.guide?.email ?? null,
        guide_postcode: data.guide?.postcode ?? null,
        created_at: now,
        updated_at: now,
      },
      parent?.path ?? '',
    )
    await recordAudit(trx, actor, {
      action: 'agency.create',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: agency.id,
      after: agency,
    })
    return agency
  })
}
