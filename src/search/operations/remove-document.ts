// Take a document out of the search index (withdrawn, expired or deleted); nothing happens when it is absent.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { deleteDocument, findRankKeys } from '../search.queries.ts'

export async function removeDocument(db: DB, id: number): Promise<void> {
  await withTransaction(db, async (trx) => {
    for (const [docId, rankKey] of await findRankKeys(trx, [id])) await deleteDocument(trx, docId, rankKey)
  })
}
