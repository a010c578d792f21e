// A user changes its own password (required after a generated one). Other sessions of the user end.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { recordAudit } from '../audit.queries.ts'
import { parseInput } from '../parse-input.ts'
import { hashPassword, verifyPassword } from '../password-hash.ts'
import { passwordProblem } from '../password-rules.ts'
import { deleteUserSessions } from '../session.queries.ts'
import { hashSessionToken } from '../session-token.ts'
import { findCredentials, updateUserRow } from '../user.queries.ts'
import { ChangePasswordSchema, type ChangePasswordInput } from '../user.schema.ts'
import { isSystemActor, type Actor } from '../user.ts'

export async function changePassword(db: DB, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const data = parseInput(ChangePasswordSchema, input)
  if (isSystemActor(actor)) throw new DomainError('invalid_input', '系统操作没有自己的密码')
  const found = await findCredentials(db, { id: actor.userId })
  if (!found) throw new DomainError('not_found', '用户不存在')
  if (!(await verifyPassword(data.currentPassword, found.passwordHash))) {
    throw new DomainError('invalid_input', '当前密码不正确', { currentPassword: '当前密码不正确' })
  }
  const problem = passwordProblem(data.newPassword, found.user.username)
  if (problem) throw new DomainError('invalid_input', problem, { newPassword: problem })
  if (data.newPassword === data.currentPassword) {
    throw new DomainError('invalid_input', '新密码不能与当前密码相同', {
      newPassword: '新密码不能与当前密码相同',
    })
  }
  const passwordHash = await hashPassword(data.newPassword)
  await withTransaction(db, async (trx) => {
    const now = isoNow()
    await updateUserRow(trx, actor.userId, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    })
    const keep = data.keepSessionToken === undefined ? undefined : hashSessionToken(data.keepSessionToken)
    await deleteUserSessions(trx, actor.userId, keep)
    await recordAudit(trx, actor, {
      action: 'user.change_password',
      targetType: 'user',
      targetId: actor.userId,
      agencyId: actor.agencyId,
    })
  })
}
