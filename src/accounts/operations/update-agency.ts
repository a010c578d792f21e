// Update an agency's details, or move it (with its subtree) under another parent.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { isInSubtree, type Agency } from '../agency.ts'
import { findAgency, movePathPrefix, updateAgencyRow } from '../agency.queries.ts'
import { UpdateAgencySchema, type UpdateAgencyInput } from '../agency.schema.ts'
import type { AgencyRowUpdate } from '../agency.table.ts'
import { recordAudit } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTarget, authorize } from '../policy.ts'
import type { Actor } from '../user.ts'

type Update = ReturnType<typeof UpdateAgencySchema.parse>

function toRowUpdate(data: Update): AgencyRowUpdate {
  const patch: AgencyRowUpdate = {}
  if (data.name !== undefined) patch.name = data.name
  if (data.kind !== undefined) patch.kind = data.kind
  if (data.creditCode !== undefined) patch.credit_code = data.creditCode
  if (data.orgCode !== undefined) patch.org_code = data.orgCode
  if (data.site) {
    Object.assign(patch, {
      site_code: data.site.siteCode,
      site_sponsor: data.site.sponsor,
      icp_record: data.site.icpRecord,
      police_record: data.site.policeRecord,
    })
  }
  if (data.guide) {
    Object.assign(patch, {
      guide_office: data.guide.office,
      guide_address: data.guide.address,
      guide_hours: data.guide.hours,
      guide_phone: data.guide.phone,
      guide_fax: data.guide.fax,
      guide_email: data.guide.email,
      guide_postcode: data.guide.postcode,
    })
  }
  return patch
}

/** Check a move and return the new path prefix. */
async function plannedMove(db: DB, actor: Actor, agency: Agency, parentId: number | null): Promise<string> {
  if (parentId === null) {
    if (!actor.roles.includes('platform_admin')) {
      throw new DomainError('forbidden', '只有平台管理员可以设置顶级机构')
    }
    return `/${agency.id}/`
  }
  const parent = await findAgency(db, parentId)
  if (!parent) throw new DomainError('not_found', '上级机构不存在', { parentId: '上级机构不存在' })
  if (isInSubtree(parent.path, agency.path)) {
    throw new DomainError('invalid_input', '不能把机构移到它自己或其下级机构之下', {
      parentId: '上级机构不能是本机构或其下级',
    })
  }
  authorize(actor, 'agency.create', agencyTarget(parent))
  // An agency administrator could otherwise move its own agency out of its reach.
  if (agency.id === actor.agencyId && !actor.roles.includes('platform_admin')) {
    throw new DomainError('forbidden', '不能调整本机构的上级机构')
  }
  return `${parent.path}${agency.id}/`
}

export async function updateAgency(db: DB, actor: Actor, input: UpdateAgencyInput): Promise<Agency> {
  const data = parseInput(UpdateAgencySchema, input)
  return withTransaction(db, async (trx) => {
    const before = await findAgency(trx, data.id)
    if (!before) throw new DomainError('not_found', '机构不存在')
    authorize(actor, 'agency.update', agencyTarget(before))

    const patch = toRowUpdate(data)
    if (data.parentId !== undefined && data.parentId !== before.parentId) {
      const newPath = await plannedMove(trx, actor, before, data.parentId)
      await movePathPrefix(trx, before.path, newPath)
      patch.parent_id = data.parentId
    }
    const after = await updateAgencyRow(trx, before.id, { ...patch, updated_at: isoNow() })
    await recordAudit(trx, actor, {
      action: 'agency.update',
      targetType: 'agency',
      targetId: after.id,
      agencyId: after.id,
      before,
      after,
    })
    return after
  })
}
