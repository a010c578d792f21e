// Change a user's name, roles, agency or disabled state.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { findAgency } from '../agency.queries.ts'
import { recordAudit } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTarget, authorize, userTarget } from '../policy.ts'
import { ROLE_LABELS } from '../role.ts'
import { deleteUserSessions } from '../session.queries.ts'
import { assignableRoles } from '../user.policy.ts'
import { findUser, setRoles, updateUserRow } from '../user.queries.ts'
import { UpdateUserSchema, type UpdateUserInput } from '../user.schema.ts'
import type { UserRowUpdate } from '../user.table.ts'
import type { Actor, User } from '../user.ts'

function checkRoleChange(actor: Actor, before: User, roles: readonly User['roles'][number][]): void {
  const allowed = assignableRoles(actor)
  const changed = [
    ...roles.filter((r) => !before.roles.includes(r)),
    ...before.roles.filter((r) => !roles.includes(r)),
  ]
  const denied = changed.find((r) => !allowed.includes(r))
  if (denied) {
    throw new DomainError('forbidden', `您不能授予或撤销“${ROLE_LABELS[denied]}”角色`, {
      roles: '含有不能更改的角色',
    })
  }
}

export async function updateUser(db: DB, actor: Actor, input: UpdateUserInput): Promise<User> {
  const data = parseInput(UpdateUserSchema, input)
  return withTransaction(db, async (trx) => {
    const before = await findUser(trx, data.id)
    if (!before) throw new DomainError('not_found', '用户不存在')
    authorize(actor, 'user.update', userTarget(before))

    const patch: UserRowUpdate = {}
    if (data.displayName !== undefined) patch.display_name = data.displayName
    if (data.agencyId !== undefined && data.agencyId !== before.agencyId) {
      const agency = await findAgency(trx, data.agencyId)
      if (!agency) throw new DomainError('not_found', '机构不存在', { agencyId: '机构不存在' })
      authorize(actor, 'user.create', agencyTarget(agency))
      patch.agency_id = agency.id
    }
    if (data.disabled !== undefined && data.disabled !== before.disabled) {
      if (data.disabled && before.id === actor.userId) {
        throw new DomainError('invalid_input', '不能停用自己的账号', { disabled: '不能停用自己的账号' })
      }
      patch.disabled_at = data.disabled ? isoNow() : null
      if (data.disabled) await deleteUserSessions(trx, before.id)
    }
    if (data.roles !== undefined) {
      checkRoleChange(actor, before, data.roles)
      await setRoles(trx, before.id, data.roles)
    }
    await updateUserRow(trx, before.id, { ...patch, updated_at: isoNow() })
    const after = await findUser(trx, before.id)
    if (!after) throw new Error(`user ${before.id} vanished during update`)
    await recordAudit(trx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: after.id,
      agencyId: after.agencyId,
      before,
      after,
    })
    return after
  })
}
