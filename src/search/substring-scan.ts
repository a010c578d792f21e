// The reference the search is checked against (tests and the bench's recall): a substring scan of every
// document, in the order searchDocuments promises (every word in the title first, then newest first).
import { normalizeText } from './normalize.ts'
import type { SearchDocument, SearchQuery } from './search-document.ts'

function haystack(d: SearchDocument): string {
  return normalizeText(`${d.title}\n${d.docNumber}\n${d.indexNumber}\n${d.body}`)
}

/** Ids of the documents of `corpus` containing every word of `q.text` and passing its filters, best first. */
export function substringScan(
  corpus: readonly SearchDocument[],
  q: Omit<SearchQuery, 'limit' | 'offset'>,
): number[] {
  const words = normalizeText(q.text)
    .split(' ')
    .filter((w) => w !== '')
  return corpus
    .filter((d) => words.every((w) => haystack(d).includes(w)))
    .filter((d) => q.agencyIds === undefined || q.agencyIds.includes(d.agencyId))
    .filter((d) => q.columnId === undefined || q.columnId === d.columnId)
    .filter((d) => q.year === undefined || q.year === d.year)
    .map((d) => ({ d, title: words.every((w) => normalizeText(d.title).includes(w)) }))
    .sort(
      (a, b) =>
        Number(b.title) - Number(a.title) ||
        b.d.publishedAt.localeCompare(a.d.publishedAt) ||
        b.d.id - a.d.id,
    )
    .map((x) => x.d.id)
}
