/**
 * Search: a full-text index of published catalogue items for the portal, on SQLite (FTS5) and PostgreSQL
 * (GIN over a text[] of terms). Chinese is indexed as characters and character pairs, so a query of any
 * length finds every document containing it as a substring (title, 文号, 索引号 or body); full-width and
 * half-width forms and letter case are folded.
 *
 * Example:
 * ```ts
 * await indexDocument(db, { id: item.id, agencyId, columnId, year: 2021, title, docNumber, indexNumber,
 *   body, publishedAt })
 * const { total, totalIsLowerBound, hits } = await searchDocuments(db, { text: '城区 规划', limit: 20, offset: 0 })
 * await removeDocument(db, item.id) // on withdrawal
 * ```
 */
export type { SearchDocument, SearchHit, SearchQuery, SearchResult } from './search-document.ts'
export { SEARCH_COUNT_CAP, SEARCH_MAX_LIMIT } from './search-document.ts'
export { indexDocument, indexDocuments } from './operations/index-document.ts'
export { removeDocument } from './operations/remove-document.ts'
/** Many documents at once: index structures built after loading (a re-index, a generated corpus). */
export { beginBulkIndexing, finishBulkIndexing } from './operations/bulk-index.ts'
/** Many documents through the normal path on a live database (an import): FTS5 merges in wider steps. */
export { beginWideMerging, endWideMerging } from './operations/bulk-index.ts'
export { searchDocuments } from './operations/search-documents.ts'
/** PostgreSQL: the search table rewritten in time order (after importing older documents). */
export { reorderSearchDocuments, searchDocumentsOrder } from './operations/reorder-documents.ts'
export type { ReorderResult } from './operations/reorder-documents.ts'
/** Escaped HTML with query words marked, for callers that highlight other fields the same way. */
export { escapeHtml, highlight } from './highlight.ts'
