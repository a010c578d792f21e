// Put a document into the search index, replacing what was indexed under its id before.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { preferredRankKey } from '../rank-key.ts'
import type { SearchDocument } from '../search-document.ts'
import { deleteDocument, findRankKey, insertDocument, isRankKeyTaken } from '../search.queries.ts'
import { parseSearchDocument } from '../search.schema.ts'

/** Insert or replace `doc` (by id). @throws DomainError invalid_input */
export async function indexDocument(db: DB, doc: SearchDocument): Promise<void> {
  const data = parseSearchDocument(doc)
  await withTransaction(db, async (trx) => {
    const previous = await findRankKey(trx, data.id)
    if (previous !== undefined) await deleteDocument(trx, data.id, previous)
    let rankKey = preferredRankKey(data.publishedAt, data.id)
    while (await isRankKeyTaken(trx, rankKey)) rankKey += 1024
    await insertDocument(trx, data, rankKey)
  })
}
