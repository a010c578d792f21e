// What the catalogue reads about a user account (the accounts module owns the table): the name an audit
// entry is recorded under when work a user set up runs later (a scheduled publication).
import type { DB } from '../storage/index.ts'

export async function findUsername(db: DB, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst()
  return row?.username
}
