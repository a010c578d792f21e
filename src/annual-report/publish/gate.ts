// The publication gate's severities. Every rule of checkReport keeps its own severity, except the few
// warnings listed here, which block publication of a report we generate: P-UNITS flags a 本年收费金额 (万元)
// that reads like an amount in 元 — a hand-entered figure 10,000 times too large; in a published report that
// is an error, not a matter of judgement. Configurable per deployment. Pure.
import type { Finding } from '../rules/index.ts'

export const DEFAULT_BLOCKING_WARNINGS: readonly string[] = ['P-UNITS']

/** The findings with the listed warnings raised to error severity (marked in the message). */
export function gateFindings(findings: readonly Finding[], blocking = DEFAULT_BLOCKING_WARNINGS): Finding[] {
  return findings.map((f) =>
    f.severity === 'warning' && blocking.includes(f.rule)
      ? { ...f, severity: 'error', message: `${f.message}（发布前须更正）` }
      : f,
  )
}
