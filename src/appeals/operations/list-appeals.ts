// An agency's 行政复议 / 行政诉讼 records for the console (filed or concluded in a year, when given).
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import type { Appeal } from '../appeal.ts'
import { appealAbilities, authorizeAppeal } from '../appeal.policy.ts'
import type { AppealAction } from '../appeal.policy.ts'
import { findAgencyPath, listAppealRows, toAppeal } from '../appeal.queries.ts'
import { ListAppealsSchema } from '../appeal.schema.ts'
import type { ListAppealsInput } from '../appeal.schema.ts'
import { parseInput } from '../parse-input.ts'

export interface AppealPage {
  readonly items: readonly Appeal[]
  readonly total: number
  readonly abilities: Readonly<Record<AppealAction, boolean>>
}

export async function listAppeals(db: DB, actor: Actor, input: ListAppealsInput): Promise<AppealPage> {
  const data = parseInput(ListAppealsSchema, input)
  const agencyPath = await findAgencyPath(db, data.agencyId)
  if (agencyPath === undefined) throw new DomainError('not_found', '机构不存在')
  const target = { agencyId: data.agencyId, agencyPath }
  authorizeAppeal(actor, 'appeal.view', target)
  const { rows, total } = await listAppealRows(db, data)
  return { items: rows.map(toAppeal), total, abilities: appealAbilities(actor, target) }
}
