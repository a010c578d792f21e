// A policy `ListScope` as a SQL condition, so lists only ever contain rows the actor may see.
import { sql } from 'kysely'
import type { Expression, SqlBool } from 'kysely'
import type { ListScope } from './policy.ts'

/** Column references the condition is built on (qualified names such as `users.agency_id`). */
export interface ScopeColumns {
  /** The materialised path of the row's agency. */
  readonly agencyPath: string
  /** The row's agency id. */
  readonly agencyId: string
  /** The row's user id, for lists of users (`self` scope). */
  readonly userId?: string
}

/** SQL condition for `scope` over the given columns; false when the scope admits nothing. */
export function agencyScopeWhere(scope: ListScope, columns: ScopeColumns): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`
  const parts: Expression<SqlBool>[] = []
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  for (const p of scope.subtreePaths) parts.push(sql<SqlBool>`${sql.ref(columns.agencyPath)} like ${`${p}%`}`)
  for (const id of scope.agencyIds) parts.push(sql<SqlBool>`${sql.ref(columns.agencyId)} = ${id}`)
  if (columns.userId !== undefined) {
    for (const id of scope.userIds) parts.push(sql<SqlBool>`${sql.ref(columns.userId)} = ${id}`)
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}
