// Test helper: golden cell tables written by hand from the samples, spelled as rows of printed values.

/** Column keys of 表三, in printed order. */
export const T3_COLS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
  'total',
] as const

/** Column keys of 表四's single row, in printed order. */
export const T4_COLS = [
  'review_maintained',
  'review_corrected',
  'review_other',
  'review_pending',
  'review_total',
  'litigation_direct_maintained',
  'litigation_direct_corrected',
  'litigation_direct_other',
  'litigation_direct_pending',
  'litigation_direct_total',
  'litigation_after_review_maintained',
  'litigation_after_review_corrected',
  'litigation_after_review_other',
  'litigation_after_review_pending',
  'litigation_after_review_total',
] as const

/** A printed value: a number, or null for a blank cell. */
export type Printed = number | null

/** `{ rowKey: [v1, v2 …] }` under an address prefix and column keys → address → value. */
export function goldenCells(
  prefix: string,
  columns: readonly string[],
  rows: Record<string, readonly Printed[]>,
): Record<string, Printed> {
  const out: Record<string, Printed> = {}
  for (const [row, values] of Object.entries(rows)) {
    values.forEach((v, i) => {
      out[`${prefix}${row}.${columns[i] ?? `#${i}`}`] = v
    })
  }
  return out
}

/** The parsed cells and blanks as address → value (null for blank), for comparing with a golden table. */
export function printedCells(report: {
  cells: Record<string, number>
  blank: string[]
}): Record<string, Printed> {
  const out: Record<string, Printed> = { ...report.cells }
  for (const address of report.blank) out[address] = null
  return out
}
