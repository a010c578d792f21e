// SQL for users and their roles.
import { sql } from 'kysely'
import type { SqlBool } from 'kysely'
import { preparedQuery, type DB } from '../storage/index.ts'
import type { ListScope } from './policy.ts'
import { isRole, type Role } from './role.ts'
import { agencyScopeWhere } from './scope.queries.ts'
import type { NewUserRow, UserRow, UserRowUpdate } from './user.table.ts'
import type { User } from './user.ts'

type UserRowWithAgency = UserRow & { agency_name: string; agency_path: string }

function toUser(row: UserRowWithAgency, roles: readonly Role[]): User {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    agencyPath: row.agency_path,
    username: row.username,
    displayName: row.display_name,
    roles,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function selectUsers(db: DB) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .selectAll('users')
    .select(['agencies.name as agency_name', 'agencies.path as agency_path'])
}

/** The roles of one user. */
const rolesOfUser = preparedQuery((db, userId: number) =>
  db.selectFrom('user_roles').select('role').where('user_id', '=', userId),
)

/** One user's roles (runs on every request, through the session lookup). */
export async function findRoles(db: DB, userId: number): Promise<Role[]> {
  return (await rolesOfUser(db, userId)).map((r) => r.role).filter(isRole)
}

async function rolesByUser(db: DB, userIds: readonly number[]): Promise<Map<number, Role[]>> {
  const out = new Map<number, Role[]>()
  if (userIds.length === 0) return out
  const rows = await db.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).execute()
  for (const r of rows) {
    if (!isRole(r.role)) continue
    const list = out.get(r.user_id) ?? []
    list.push(r.role)
    out.set(r.user_id, list)
  }
  return out
}

async function withRoles(db: DB, rows: UserRowWithAgency[]): Promise<User[]> {
  const roles = await rolesByUser(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []))
}

export async function findUser(db: DB, id: number): Promise<User | undefined> {
  const row = await selectUsers(db).where('users.id', '=', id).executeTakeFirst()
  return row && (await withRoles(db, [row]))[0]
}

/** The user and its password hash, for login and password changes only. */
export async function findCredentials(
  db: DB,
  by: { username: string } | { id: number },
): Promise<{ user: User; passwordHash: string } | undefined> {
  const q = selectUsers(db)
  const row = await (
    'id' in by ? q.where('users.id', '=', by.id) : q.where('users.username', '=', by.username)
  ).executeTakeFirst()
  if (!row) return undefined
  const [user] = await withRoles(db, [row])
  return user && { user, passwordHash: row.password_hash }
}

export async function usernameExists(db: DB, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  return row !== undefined
}

export async function insertUser(db: DB, row: NewUserRow, roles: readonly Role[]): Promise<User> {
  const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow()
  await setRoles(db, id, roles)
  const user = await findUser(db, id)
  if (!user) throw new Error(`user ${id} vanished after insert`)
  return user
}

export async function setRoles(db: DB, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute()
  }
}

export async function updateUserRow(db: DB, id: number, patch: UserRowUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute()
}

export interface UserListFilter {
  readonly agencyPath?: string | undefined
  readonly search?: string | undefined
  readonly limit: number
  readonly offset: number
}

export async function listUserRows(
  db: DB,
  scope: ListScope,
  filter: UserListFilter,
): Promise<{ items: User[]; total: number }> {
  let q = selectUsers(db).where(
    agencyScopeWhere(scope, { agencyPath: 'agencies.path', agencyId: 'users.agency_id', userId: 'users.id' }),
  )
  if (filter.agencyPath !== undefined) q = q.where('agencies.path', 'like', `${filter.agencyPath}%`)
  if (filter.search !== undefined && filter.search !== '') {
    const term = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // Explicit ESCAPE and lower(): SQLite has no default LIKE escape and PostgreSQL's LIKE is case-sensitive.
    q = q.where(
      sql<SqlBool>`(lower(users.username) like lower(${term}) escape '\\' or lower(users.display_name) like lower(${term}) escape '\\')`,
    )
  }
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await q
    .orderBy('agencies.path')
    .orderBy('users.username')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { items: await withRoles(db, rows), total: Number(total) }
}

export async function countUsers(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}
