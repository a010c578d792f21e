// The one place the catalogue talks to search: a published item becomes a search document; a withdrawn one
// leaves the index. Called inside the publishing transaction, so the index never lists an item that failed
// to publish (the search module joins the caller's transaction).
import { indexDocument, removeDocument } from '../search/index.ts'
import type { Item } from './item.ts'

/** The database handle the search module takes (this file is pure by the lint rules: no storage import). */
type SearchDb = Parameters<typeof indexDocument>[0]

/** What the search module indexes for one published item. */
export interface CatalogueSearchDocument {
  readonly id: number
  readonly agencyId: number
  readonly columnId: number
  /** Publication year (China Standard Time). */
  readonly year: number
  readonly title: string
  /** 文号 ('' when none). */
  readonly docNumber: string
  /** 索引号 */
  readonly indexNumber: string
  /** Plain text of the body. */
  readonly body: string
  readonly publishedAt: string
}

/** The search document of a published item. @throws Error for an item that is not published. */
export function toSearchDocument(item: Item): CatalogueSearchDocument {
  if (item.publishedAt === null || item.publishedOn === null || item.indexNumber === null) {
    throw new Error(`catalogue item ${item.id} is not published`)
  }
  return {
    id: item.id,
    agencyId: item.agencyId,
    columnId: item.columnId,
    year: Number(item.publishedOn.slice(0, 4)),
    title: item.title,
    docNumber: item.docNumber ?? '',
    indexNumber: item.indexNumber,
    body: item.bodyText,
    publishedAt: item.publishedAt,
  }
}

/** Put a just-published item into the search index. */
export async function indexPublishedItem(db: SearchDb, item: Item): Promise<void> {
  await indexDocument(db, toSearchDocument(item))
}

/** Take a withdrawn item out of the search index. */
export async function removeItemFromIndex(db: SearchDb, itemId: number): Promise<void> {
  await removeDocument(db, itemId)
}
