// The recency key: newer documents have larger keys, so "newest first" is a scan in key order. Unique per
// document: the published time in milliseconds × 1024 plus the low bits of the id, moved up while taken.

/** The preferred key of a document; below 2^53 for dates before the year 2200. */
export function preferredRankKey(publishedAt: string, id: number): number {
  return Date.parse(publishedAt) * 1024 + (id & 1023)
}
