// Logout: end the session and record it.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { recordAudit } from '../audit.queries.ts'
import type { Actor } from '../user.ts'
import { destroySession } from './sessions.ts'

export async function logout(db: DB, actor: Actor, input: { sessionToken: string }): Promise<void> {
  await withTransaction(db, async (trx) => {
    await destroySession(trx, input.sessionToken)
    await recordAudit(trx, actor, {
      action: 'user.logout',
      targetType: 'user',
      targetId: actor.userId,
      agencyId: actor.agencyId,
    })
  })
}
