// An administrator issues a new generated password; the user must change it at next login.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { recordAudit } from '../audit.queries.ts'
import { hashPassword } from '../password-hash.ts'
import { generatePassword } from '../password-rules.ts'
import { authorize, userTarget } from '../policy.ts'
import { clearLoginFailures, deleteUserSessions } from '../session.queries.ts'
import { findUser, updateUserRow } from '../user.queries.ts'
import type { Actor } from '../user.ts'

export async function resetPassword(
  db: DB,
  actor: Actor,
  input: { userId: number },
): Promise<{ firstPassword: string }> {
  const firstPassword = generatePassword()
  const passwordHash = await hashPassword(firstPassword)
  return withTransaction(db, async (trx) => {
    const user = await findUser(trx, input.userId)
    if (!user) throw new DomainError('not_found', '用户不存在')
    authorize(actor, 'user.reset_password', userTarget(user))
    await updateUserRow(trx, user.id, {
      password_hash: passwordHash,
      must_change_password: 1,
      updated_at: isoNow(),
    })
    // Whoever held the old password is signed out, and a lockout no longer stands in the owner's way.
    await deleteUserSessions(trx, user.id)
    await clearLoginFailures(trx, user.username)
    await recordAudit(trx, actor, {
      action: 'user.reset_password',
      targetType: 'user',
      targetId: user.id,
      agencyId: user.agencyId,
    })
    return { firstPassword }
  })
}
