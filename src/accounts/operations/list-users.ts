// The user accounts the actor may see, one page at a time.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { findAgency } from '../agency.queries.ts'
import { parseInput } from '../parse-input.ts'
import { agencyTarget, authorize, listScope, userTarget } from '../policy.ts'
import { findUser, listUserRows } from '../user.queries.ts'
import { ListUsersSchema, type ListUsersInput } from '../user.schema.ts'
import type { Actor, User } from '../user.ts'

/** One page of a list. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
  readonly page: number
  readonly pageSize: number
}

export async function listUsers(db: DB, actor: Actor, input: ListUsersInput = {}): Promise<Page<User>> {
  const data = parseInput(ListUsersSchema, input)
  let agencyPath: string | undefined
  if (data.agencyId !== undefined) {
    const agency = await findAgency(db, data.agencyId)
    if (!agency) throw new DomainError('not_found', '机构不存在')
    authorize(actor, 'agency.view', agencyTarget(agency))
    agencyPath = agency.path
  }
  const { items, total } = await listUserRows(db, listScope(actor, 'user.view'), {
    agencyPath,
    search: data.search,
    limit: data.pageSize,
    offset: (data.page - 1) * data.pageSize,
  })
  return { items, total, page: data.page, pageSize: data.pageSize }
}

/** One user account. @throws DomainError not_found, forbidden */
export async function getUser(db: DB, actor: Actor, id: number): Promise<User> {
  const user = await findUser(db, id)
  if (!user) throw new DomainError('not_found', '用户不存在')
  authorize(actor, 'user.view', userTarget(user))
  return user
}
