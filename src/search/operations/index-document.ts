// Put documents into the search index, replacing what was indexed under their ids before.
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { preferredRankKey } from '../rank-key.ts'
import type { SearchDocument } from '../search-document.ts'
import { deleteDocument, findRankKeys, insertDocuments, takenRankKeys } from '../search.queries.ts'
import { parseSearchDocument } from '../search.schema.ts'

/** Insert or replace `doc` (by id). @throws DomainError invalid_input */
export async function indexDocument(db: DB, doc: SearchDocument): Promise<void> {
  await indexDocuments(db, [doc])
}

/**
 * Insert or replace many documents in one transaction (a re-index, an import): a few statements per batch
 * instead of per document. @throws DomainError invalid_input (nothing is written then)
 */
export async function indexDocuments(db: DB, docs: readonly SearchDocument[]): Promise<void> {
  const byId = new Map(docs.map((d) => [d.id, parseSearchDocument(d)])) // the last version of an id wins
  await withTransaction(db, async (trx) => {
    for (const [id, rankKey] of await findRankKeys(trx, [...byId.keys()])) {
      await deleteDocument(trx, id, rankKey)
    }
    // Each document gets its preferred key, moved up by 1024 (1 ms, same low bits) while taken in the table or
    // by another document of the batch.
    const keys = new Map([...byId.values()].map((d) => [d.id, preferredRankKey(d.publishedAt, d.id)]))
    const settled = new Set<number>()
    let pending = [...keys.keys()]
    while (pending.length > 0) {
      const proposed = new Set<number>()
      for (const id of pending) {
        let key = keys.get(id) as number
        while (settled.has(key) || proposed.has(key)) key += 1024
        keys.set(id, key)
        proposed.add(key)
      }
      const taken = await takenRankKeys(trx, [...proposed])
      const next: number[] = []
      for (const id of pending) {
        const key = keys.get(id) as number
        if (taken.has(key)) {
          keys.set(id, key + 1024)
          next.push(id)
        } else {
          settled.add(key)
        }
      }
      pending = next
    }
    await insertDocuments(
      trx,
      [...byId.values()].map((doc) => ({ doc, rankKey: keys.get(doc.id) as number })),
    )
  })
}
