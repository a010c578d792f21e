/** Severity of a finding: error = must hold; warning = a person must look; info = a counting convention. */
export type Severity = 'error' | 'warning' | 'info'

/** One result of a rule: which rule, how bad, a Chinese message naming table, row and column, and the cells. */
export interface Finding {
  /** Rule id from report-schema.json, e.g. `T3-BAL`, `P-DEADLINE`. */
  rule: string
  severity: Severity
  /** e.g. `表三 自然人：一+二=5，三（七）+四=4，差1` */
  message: string
  /** Addresses of the cells involved (empty for whole-report checks). */
  cells: string[]
}
