// Options of checkReport. Conventions that format-and-law.md marks [unverified] or that are auditor heuristics
// are options here with documented defaults, never constants inside a check.
import type { AnnualReport } from '../model.ts'
import type { CheckMode } from './rule-types.ts'

/** Kinds of agency that matter for the publication deadline of 条例第四十九条. */
export type ReportAgencyKind = 'department' | 'government' | 'township'

export interface CheckOptions {
  /** The same agency's report for the previous year: enables the cross-year rules. */
  previous?: AnnualReport
  /** Publication date YYYY-MM-DD; defaults to the metadata block's 发布时间. */
  publishedOn?: string
  /** Inferred from the agency name when not given (人民政府 → government, 乡/镇/街道 → township). */
  agencyKind?: ReportAgencyKind
  /** `audit` (default): checking a published report; `generate`: checking one we are about to publish. */
  mode?: CheckMode
  /**
   * Provinces set the deadline of township reports (条例 sets none): a month-day `MM-DD` of year Y+1, or none.
   * Default: none (only the period-end check applies).
   */
  townshipDeadline?: string
  /** First report year in which 信息处理费 may appear (国办函〔2020〕109号; effective date [unverified]). Default 2021. */
  feeRulesFromYear?: number
  /** P-UNITS: a 本年收费金额 above this many 万元 looks like it was written in 元. Default 1,000,000 (100亿元). */
  feeAmountMax10k?: number
  /** P-CARRY-RATIO: flag when 结转下年度 / 本年新收 exceeds this. Default 0.5 (heuristic). */
  carryRatioMax?: number
  /** P-CARRY-RATIO: only for at least this many new applications (small counts swing). Default 10. */
  carryRatioMinReceived?: number
  /**
   * M-INDEXNO-PATTERN: accepted 索引号 patterns. Default: the national shape with an organisation code or credit
   * code, `^([0-9A-Z]{9}|[0-9A-Z]{18})/\d{4}(\d{2})?-\d{5,}$` (format-and-law.md §8.2).
   */
  indexNoPatterns?: readonly RegExp[]
}

/** Options with every default filled in. */
export interface ResolvedCheckOptions extends Omit<CheckOptions, 'townshipDeadline'> {
  mode: CheckMode
  townshipDeadline: string | null
  feeRulesFromYear: number
  feeAmountMax10k: number
  carryRatioMax: number
  carryRatioMinReceived: number
  indexNoPatterns: readonly RegExp[]
}

export const DEFAULT_INDEX_NO_PATTERNS: readonly RegExp[] = [
  /^([0-9A-Z]{9}|[0-9A-Z]{18})\/\d{4}(\d{2})?-\d{5,}$/,
]

export function resolveCheckOptions(options: CheckOptions = {}): ResolvedCheckOptions {
  return {
    ...options,
    mode: options.mode ?? 'audit',
    townshipDeadline: options.townshipDeadline ?? null,
    feeRulesFromYear: options.feeRulesFromYear ?? 2021,
    feeAmountMax10k: options.feeAmountMax10k ?? 1_000_000,
    carryRatioMax: options.carryRatioMax ?? 0.5,
    carryRatioMinReceived: options.carryRatioMinReceived ?? 10,
    indexNoPatterns: options.indexNoPatterns ?? DEFAULT_INDEX_NO_PATTERNS,
  }
}
