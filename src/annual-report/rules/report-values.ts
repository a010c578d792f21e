// Reading cell values for the rules: blank = 0 for arithmetic, except that a blank 总计 stands for the sum of its
// components (the missing value is reported once by P-ZERO-BLANK, not again by every rule that reads it).
import type { ReportFormat } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import type { CompareRule, RuleDef } from './rule-types.ts'

export interface ReportValues {
  readonly report: AnnualReport
  readonly format: ReportFormat
  /** Printed in the report, with a number or blank (absent cells come from cut texts and are not checked). */
  present(address: string): boolean
  isBlank(address: string): boolean
  /** The value for arithmetic: the number, a blank 总计's implied sum, or 0. */
  value(address: string): number
  /** Components of a 总计 cell, when a rule defines it. */
  components(address: string): readonly string[] | undefined
  /** Every 总计 cell some rule defines, in rule order. */
  readonly totalAddresses: readonly string[]
}

/** `{c}` / `{r}` placeholders filled in. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([cr])\}/g, (_, k: string) => vars[k] ?? `{${k}}`)
}

function totalsOf(format: ReportFormat, rules: readonly RuleDef[]): Map<string, string[]> {
  const totals = new Map<string, string[]>()
  const defining = rules.filter(
    (r): r is CompareRule =>
      r.kind === 'compare' && r.definesTotal === true && r.formats.includes(format.key),
  )
  for (const rule of defining) {
    const [left] = rule.left
    if (left === undefined) continue
    const varSets: Record<string, string>[] =
      rule.iteration.over === 't3-columns'
        ? format.t3.columns.map((c) => ({ c: c.key }))
        : rule.iteration.over === 't3-rows'
          ? format.t3.rows.map((r) => ({ r: r.key }))
          : [{}]
    for (const vars of varSets) {
      const total = fillTemplate(left, vars)
      if (!totals.has(total)) {
        totals.set(
          total,
          [...rule.right, ...(rule.rightAnyOf ?? [])].map((t) => fillTemplate(t, vars)),
        )
      }
    }
  }
  return totals
}

const totalsCache = new WeakMap<ReportFormat, WeakMap<readonly RuleDef[], Map<string, string[]>>>()

function cachedTotals(format: ReportFormat, rules: readonly RuleDef[]): Map<string, string[]> {
  let byRules = totalsCache.get(format)
  if (!byRules) totalsCache.set(format, (byRules = new WeakMap()))
  let totals = byRules.get(rules)
  if (!totals) byRules.set(rules, (totals = totalsOf(format, rules)))
  return totals
}

export function reportValues(
  report: AnnualReport,
  format: ReportFormat,
  rules: readonly RuleDef[],
): ReportValues {
  const blank = new Set(report.blank)
  const totals = cachedTotals(format, rules)
  const value = (address: string, depth: number): number => {
    const v = report.cells[address]
    if (v !== undefined) return v
    const parts = blank.has(address) && depth < 3 ? totals.get(address) : undefined
    return parts ? parts.reduce((sum, p) => sum + value(p, depth + 1), 0) : 0
  }
  return {
    report,
    format,
    present: (address) => address in report.cells || blank.has(address),
    isBlank: (address) => blank.has(address),
    value: (address) => value(address, 0),
    components: (address) => totals.get(address),
    totalAddresses: [...totals.keys()],
  }
}
