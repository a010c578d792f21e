/**
 * Rule definitions as data (report-schema.json `rules`, `cross_year_rules`). One small engine (engine.ts)
 * evaluates every definition; a rule whose shape repeats is one entry here, never a hand-written function.
 */
import type { FormatKey } from '../formats/index.ts'
import type { Severity } from './finding.ts'

/** How a rule instance is repeated. Placeholders in cell templates: `{c}` a 表三 column, `{r}` a row. */
export type Iteration =
  /** Once per 表三 column (`{c}`), all seven unless `columns` narrows them. */
  | { over: 't3-columns'; columns?: readonly string[] }
  /** Once per 表三 data row of the report's format (`{r}` = row key). */
  | { over: 't3-rows' }
  /** Once per row of the named 表二 blocks (`{r}` = `block.row`, e.g. `art20_5.administrative_licensing`). */
  | { over: 't2-rows'; blocks: readonly string[] }
  /** Once. */
  | { over: 'once' }

/**
 * A cell term: a cell address template, optionally read from the previous year's report (`prev:` prefix), e.g.
 * `t3.new_received.{c}` or `prev:t3.carried_forward.{c}`.
 */
export type Term = string

/** Which mode a check runs in: auditing a published report, or generating one from live data. */
export type CheckMode = 'audit' | 'generate'

interface RuleBase {
  id: string
  /** Severity; a cross-year rule may differ by mode (X-T3-CARRY: error when generating, warning in audit). */
  severity: Severity | Readonly<Record<CheckMode, Severity>>
  formats: readonly FormatKey[]
  basis: 'official' | 'derived_from_layout' | 'derived' | 'plausibility'
  /** Chinese description as in report-schema.json. */
  description: string
}

/** `sum(left) op sum(right)`, repeated by `iteration`. An empty side is 0. */
export interface CompareRule extends RuleBase {
  kind: 'compare'
  iteration: Iteration
  left: readonly Term[]
  op: '=' | '<=' | '>='
  right: readonly Term[]
  /**
   * Terms added to the right side where the report printed them: the rule needs at least one of them present
   * and counts the absent ones as 0. For the two layouts of 表三 （六）其他处理 — a 2021 report may print the
   * single 2019 row (`t3.other_handling.*`) instead of its three items, and the other way round.
   */
  rightAnyOf?: readonly Term[]
  /**
   * The left side is one 总计 cell and the right side its components. A blank 总计 whose components are not 0 is
   * a missing value (P-ZERO-BLANK), not an arithmetic error, and other rules read it as the components' sum.
   */
  definesTotal?: boolean
}

/** Every cell of a table holds a value of its column's type (int ≥ 0, signed int, decimal ≥ 0, money ≥ 0). */
export interface CellTypeRule extends RuleBase {
  kind: 'cell-type'
  table: 't2' | 't3' | 't4'
}

/** A counting convention that cannot be seen in a finished report (kept so every schema rule has a home). */
export interface ConventionRule extends RuleBase {
  kind: 'convention'
  /** Where the convention is enforced instead. */
  enforcedBy: string
}

export type RuleDef = CompareRule | CellTypeRule | ConventionRule
