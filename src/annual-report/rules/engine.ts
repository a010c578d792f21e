// The one engine that evaluates rule definitions (rule-types.ts) against a report and, for cross-year rules,
// the previous year's report.
import { formatCells, t3ColumnLabel } from '../formats/index.ts'
import type { CellType, ReportFormat } from '../formats/index.ts'
import {
  cellName,
  t2ColumnLabel,
  t2RowTitle,
  t3RowOrdinal,
  t3RowTitle,
  t4GroupLabel,
  tableName,
} from './cell-names.ts'
import type { Finding, Severity } from './finding.ts'
import { fillTemplate } from './report-values.ts'
import type { ReportValues } from './report-values.ts'
import type { CellTypeRule, CheckMode, CompareRule, Iteration, RuleDef } from './rule-types.ts'

export interface EngineInput {
  current: ReportValues
  previous?: ReportValues
  mode: CheckMode
}

interface Instance {
  vars: Record<string, string>
  context: string
}

const PREV = 'prev:'
const EPSILON = 1e-9

function instances(format: ReportFormat, iteration: Iteration, firstTerm: string): Instance[] {
  switch (iteration.over) {
    case 't3-columns': {
      const keys = iteration.columns ?? format.t3.columns.map((c) => c.key)
      return keys.map((c) => ({
        vars: { c },
        context: `${tableName(format, 't3')} ${t3ColumnLabel(format, c)}`,
      }))
    }
    case 't3-rows':
      return format.t3.rows.map((r) => ({
        vars: { r: r.key },
        context: `${tableName(format, 't3')} ${t3RowTitle(format, r.key)}`,
      }))
    case 't2-rows':
      return format.t2.blocks
        .filter((b) => iteration.blocks.includes(b.key))
        .flatMap((b) => b.rows.map((row) => `${b.key}.${row.key}`))
        .map((r) => ({ vars: { r }, context: `${tableName(format, 't2')} ${t2RowTitle(format, r)}` }))
    case 'once': {
      const [table, , column = ''] = firstTerm.replace(PREV, '').split('.')
      const context = table === 't4' ? `${tableName(format, 't4')} ${t4GroupLabel(format, column)}` : ''
      return [{ vars: {}, context }]
    }
  }
}

/** Short label of a term: the part of its address the iteration does not already name. */
function termLabel(format: ReportFormat, template: string): string {
  const isPrev = template.startsWith(PREV)
  const parts = template.replace(PREV, '').split('.')
  const last = parts[parts.length - 1] ?? ''
  let label: string
  if (parts[0] === 't3') {
    label = parts[2] === '{c}' ? t3RowOrdinal(format, parts[1] ?? '') : t3ColumnLabel(format, last)
  } else if (parts[0] === 't2') {
    const block = parts[1] === '{r}' ? undefined : parts[1]
    label = block ? t2ColumnLabel(format, block, last) : t2ColumnAnyBlock(format, last)
  } else {
    label = format.t4.columns.find((c) => c.key === last)?.label ?? last
  }
  return isPrev ? `上年${label}` : label
}

function t2ColumnAnyBlock(format: ReportFormat, columnKey: string): string {
  for (const block of format.t2.blocks) {
    const col = block.columns.find((c) => c.key === columnKey)
    if (col) return col.label
  }
  return columnKey
}

function sideLabel(format: ReportFormat, terms: readonly string[]): string {
  if (terms.length === 0) return '0'
  const labels = terms.map((t) => termLabel(format, t))
  if (labels.length <= 4) return labels.join('+')
  return `${labels[0] ?? ''}至${labels[labels.length - 1] ?? ''}之和`
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6)
}

export function ruleSeverity(rule: RuleDef, mode: CheckMode): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[mode]
}

interface CompiledTerm {
  prev: boolean
  address: string
  /** The template the term was filled from, for the side's label. */
  template: string
}

interface CompiledInstance {
  context: string
  left: CompiledTerm[]
  right: CompiledTerm[]
  rightAnyOf: CompiledTerm[]
}

/** A compare rule's instances with their addresses filled in, computed once per format. */
const compiled = new WeakMap<CompareRule, Map<string, CompiledInstance[]>>()

function compile(rule: CompareRule, format: ReportFormat): CompiledInstance[] {
  let byFormat = compiled.get(rule)
  if (!byFormat) compiled.set(rule, (byFormat = new Map<string, CompiledInstance[]>()))
  const cached = byFormat.get(format.key)
  if (cached) return cached
  const first = rule.left[0] ?? rule.right[0] ?? ''
  const result = instances(format, rule.iteration, first).map(({ vars, context }) => {
    const term = (t: string): CompiledTerm => ({
      prev: t.startsWith(PREV),
      address: fillTemplate(t.replace(PREV, ''), vars),
      template: t,
    })
    return {
      context,
      left: rule.left.map(term),
      right: rule.right.map(term),
      rightAnyOf: (rule.rightAnyOf ?? []).map(term),
    }
  })
  byFormat.set(format.key, result)
  return result
}

function evaluateCompare(rule: CompareRule, input: EngineInput): Finding[] {
  const { current, previous } = input
  const format = current.format
  const usesPrev = [...rule.left, ...rule.right, ...(rule.rightAnyOf ?? [])].some((t) => t.startsWith(PREV))
  if (usesPrev && !previous) return []
  const findings: Finding[] = []
  const sourceOf = (t: CompiledTerm): ReportValues => (t.prev && previous ? previous : current)
  const present = (t: CompiledTerm) => sourceOf(t).present(t.address)
  const sum = (side: CompiledTerm[]) => side.reduce((s, t) => s + sourceOf(t).value(t.address), 0)
  for (const instance of compile(rule, format)) {
    const { context, left } = instance
    const printed = instance.rightAnyOf.filter(present)
    if (instance.rightAnyOf.length > 0 && printed.length === 0) continue
    const right = [...instance.right, ...printed]
    if (!left.every(present) || !right.every(present)) continue
    const [total] = left
    // A blank 总计 is a missing value (P-ZERO-BLANK reports it), not an arithmetic error.
    if (rule.definesTotal && total && current.isBlank(total.address)) continue
    const l = sum(left)
    const r = sum(right)
    const ok =
      rule.op === '=' ? Math.abs(l - r) < EPSILON : rule.op === '<=' ? l <= r + EPSILON : l >= r - EPSILON
    if (ok) continue
    const L = `${sideLabel(format, rule.left)}=${formatNumber(l)}`
    const R = `${sideLabel(
      format,
      right.map((t) => t.template),
    )}=${formatNumber(r)}`
    const tail =
      rule.op === '='
        ? `${L}，${R}，差${formatNumber(Math.abs(l - r))}`
        : rule.op === '<='
          ? `${L}，大于${R}`
          : `${L}，小于${right.length ? R : '0'}`
    const prefix = usesPrev ? '（与上年报告比较）' : ''
    findings.push({
      rule: rule.id,
      severity: ruleSeverity(rule, input.mode),
      message: `${context}${prefix}：${tail}`,
      cells: [...left, ...right].map((t) => (t.prev ? `${PREV}${t.address}` : t.address)),
    })
  }
  return findings
}

function typeProblem(type: CellType, v: number): string | undefined {
  if (!Number.isFinite(v)) return '不是数字'
  if (type === 'int' && !(Number.isInteger(v) && v >= 0)) return '应为非负整数'
  if (type === 'signed_int' && !Number.isInteger(v)) return '应为整数'
  if ((type === 'decimal' || type === 'money') && v < 0) return '应为非负数'
  return undefined
}

function evaluateCellType(rule: CellTypeRule, input: EngineInput): Finding[] {
  const { format, report } = input.current
  const findings: Finding[] = []
  for (const cell of formatCells(format)) {
    if (cell.table !== rule.table) continue
    const v = report.cells[cell.address]
    if (v === undefined) continue
    const problem = typeProblem(cell.type, v)
    if (problem) {
      findings.push({
        rule: rule.id,
        severity: ruleSeverity(rule, input.mode),
        message: `${cellName(format, cell.address)}：${formatNumber(v)}，${problem}`,
        cells: [cell.address],
      })
    }
  }
  return findings
}

/** Evaluates the rules that apply to the report's format. */
export function evaluateRules(rules: readonly RuleDef[], input: EngineInput): Finding[] {
  const formatKey = input.current.format.key
  return rules
    .filter((rule) => rule.formats.includes(formatKey))
    .flatMap((rule) => {
      if (rule.kind === 'compare') return evaluateCompare(rule, input)
      if (rule.kind === 'cell-type') return evaluateCellType(rule, input)
      return []
    })
}
