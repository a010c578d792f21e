// Create a user account with a generated first password that must be changed at first login.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { findAgency } from '../agency.queries.ts'
import { recordAudit } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { hashPassword } from '../password-hash.ts'
import { generatePassword } from '../password-rules.ts'
import { agencyTarget, authorize } from '../policy.ts'
import { ROLE_LABELS } from '../role.ts'
import { CreateUserSchema, type CreateUserInput } from '../user.schema.ts'
import { assignableRoles } from '../user.policy.ts'
import { insertUser, usernameExists } from '../user.queries.ts'
import type { Actor, User } from '../user.ts'

export interface CreatedUser {
  readonly user: User
  /** Shown once to the administrator; only its hash is stored. */
  readonly firstPassword: string
}

export async function createUser(db: DB, actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
  const data = parseInput(CreateUserSchema, input)
  // Hash outside the transaction: scrypt takes tens of milliseconds and SQLite has one writer.
  const firstPassword = generatePassword()
  const passwordHash = await hashPassword(firstPassword)
  return withTransaction(db, async (trx) => {
    const agency = await findAgency(trx, data.agencyId)
    if (!agency) throw new DomainError('not_found', '机构不存在', { agencyId: '机构不存在' })
    authorize(actor, 'user.create', agencyTarget(agency))
    const allowed = assignableRoles(actor)
    const denied = data.roles.find((r) => !allowed.includes(r))
    if (denied) {
      throw new DomainError('forbidden', `您不能授予“${ROLE_LABELS[denied]}”角色`, {
        roles: '含有不能授予的角色',
      })
    }
    if (await usernameExists(trx, data.username)) {
      throw new DomainError('conflict', '用户名已被使用', { username: '用户名已被使用' })
    }
    const now = isoNow()
    const user = await insertUser(
      trx,
      {
        agency_id: agency.id,
        username: data.username,
        display_name: data.displayName,
        password_hash: passwordHash,
        must_change_password: 1,
        created_at: now,
        updated_at: now,
      },
      data.roles,
    )
    await recordAudit(trx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      agencyId: agency.id,
      after: user,
    })
    return { user, firstPassword }
  })
}
