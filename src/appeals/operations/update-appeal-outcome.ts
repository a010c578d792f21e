// Record the outcome (or its correction) of a 行政复议 / 行政诉讼 case, with its conclusion date; audited with
// the record before and after.
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import type { Appeal } from '../appeal.ts'
import { authorizeAppeal } from '../appeal.policy.ts'
import { findAppealWithPath, toAppeal, updateAppealOutcome as updateRow } from '../appeal.queries.ts'
import { UpdateAppealOutcomeSchema } from '../appeal.schema.ts'
import type { UpdateAppealOutcomeInput } from '../appeal.schema.ts'
import { parseInput } from '../parse-input.ts'

export async function updateAppealOutcome(
  db: DB,
  actor: Actor,
  input: UpdateAppealOutcomeInput,
  now = new Date(),
): Promise<Appeal> {
  const data = parseInput(UpdateAppealOutcomeSchema, input)
  return withTransaction(db, async (trx) => {
    const row = await findAppealWithPath(trx, data.appealId)
    if (!row) throw new DomainError('not_found', '案件记录不存在')
    authorizeAppeal(actor, 'appeal.record', { agencyId: row.agency_id, agencyPath: row.agency_path })
    const concludedOn = data.concludedOn ?? null
    if (concludedOn !== null && concludedOn < row.filed_on) {
      throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', {
        concludedOn: '审结日期不能早于立案日期',
      })
    }
    const before = toAppeal(row)
    const after = toAppeal(
      await updateRow(trx, row.id, {
        outcome: data.outcome,
        concluded_on: concludedOn,
        updated_at: isoNow(now),
      }),
    )
    await recordAudit(
      trx,
      actor,
      {
        action: 'appeal.update_outcome',
        targetType: 'appeal',
        targetId: row.id,
        agencyId: row.agency_id,
        before,
        after,
      },
      now,
    )
    return after
  })
}
