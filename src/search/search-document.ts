// The search module's types: what the catalogue indexes, what a query asks, what a hit shows.

/** A published catalogue item as the index sees it (`id` is the catalogue item id). */
export interface SearchDocument {
  id: number
  agencyId: number
  columnId: number
  year: number
  title: string
  /** 文号, e.g. `天政发〔2021〕3号` ('' when none). */
  docNumber: string
  /** 索引号, e.g. `11620502MB1958744R/2021-00012`. */
  indexNumber: string
  /** Plain text of the body. */
  body: string
  /** ISO-8601 timestamp; newer items rank first among equally good matches. */
  publishedAt: string
}

export interface SearchQuery {
  /** Words separated by blanks; a document must contain every word (as a substring). */
  text: string
  /** Only these agencies (e.g. a subtree, already expanded). */
  agencyIds?: number[]
  columnId?: number
  year?: number
  limit: number
  offset: number
}

export interface SearchHit {
  id: number
  agencyId: number
  columnId: number
  year: number
  title: string
  /** The title, HTML-escaped, query words in <mark>. */
  titleHighlighted: string
  /** About 120 characters of the body around the first hit, HTML-escaped, query words in <mark>. */
  snippetHighlighted: string
  publishedAt: string
  /** 2 when every word is in the title, 1 otherwise; within a score, newer first. */
  score: number
}

export interface SearchResult {
  /** Number of matching documents, counted up to SEARCH_COUNT_CAP (then exactly SEARCH_COUNT_CAP). */
  total: number
  /** True when there are more than `total` matches: show it as "1000+" (超过1000条). */
  totalIsLowerBound: boolean
  hits: SearchHit[]
}

/**
 * Counting stops here: a one-character query can match most of the corpus, and counting every match costs
 * time proportional to their number, so "1000+" (超过1000条) is shown instead and pages end at 1000 (50 pages
 * of 20).
 */
export const SEARCH_COUNT_CAP = 1000
/** Largest page. */
export const SEARCH_MAX_LIMIT = 100
