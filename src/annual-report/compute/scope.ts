// Which agencies a computation covers: one agency, or every agency below a supervising office (its subtree by
// materialised path, without the office itself). Pure data; the queries turn it into a condition.

export type AgencySet =
  | { readonly kind: 'one'; readonly agencyId: number }
  | { readonly kind: 'subtree'; readonly path: string; readonly excludeAgencyId: number }

/** The report year's first and last day (dates are `YYYY-MM-DD` text on both engines, compared as text). */
export function yearBounds(year: number): { from: string; to: string } {
  // Queries inline the bounds as literals where PostgreSQL needs it (GROUP BY), so only a 4-digit year passes.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`invalid report year ${year}`)
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}
