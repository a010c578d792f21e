// Take a document out of the search index (withdrawn, expired or deleted); nothing happens when it is absent.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { deleteDocument, findRankKey } from '../search.queries.ts'

export async function removeDocument(db: DB, id: number): Promise<void> {
  await withTransaction(db, async (trx) => {
    const rankKey = await findRankKey(trx, id)
    if (rankKey !== undefined) await deleteDocument(trx, id, rankKey)
  })
}
