// Counting conventions of the computed report that the national format leaves open. Each default is the
// reading the domain notes recommend; the notes mark which are [unverified] (format-and-law.md §1.5, §9).
import type { T4Scope } from './t4.queries.ts'

export interface CountingConventions {
  /**
   * 表四: which cases a year counts. `filed_or_concluded` (default): filed in the year plus cases filed earlier
   * and concluded in it; `filed`: filed in the year only. Not settled nationally (C10, §9.4) [unverified].
   */
  readonly t4Scope: T4Scope
  /**
   * 表四: count a case in which the agency is only the 复议机关 named as co-defendant. Default false: such a case
   * is counted for the original acting agency (国办公开办函〔2016〕201号 [verified]; still current practice, but
   * issued under the old 条例 [unverified]).
   */
  readonly countCoDefendantAsReviewBody: boolean
  /**
   * 表二 本年废止件数: count documents that lapsed (失效) as well as those repealed (废止). Default false: the form
   * says 废止, and lapsed time-limited documents are the reason X-T2-2021-VALID-STOCK is only a warning [derived].
   */
  readonly repealIncludesExpired: boolean
}

export const DEFAULT_CONVENTIONS: CountingConventions = {
  t4Scope: 'filed_or_concluded',
  countCoDefendantAsReviewBody: false,
  repealIncludesExpired: false,
}

/** The conventions as a Chinese note for the report builder and the CLI. */
export function describeConventions(c: CountingConventions): string[] {
  return [
    '表三：本年新收按收到申请之日统计；本年度办理结果按答复（或视为放弃）之日统计，每件申请只计一种结果；结转下年度为年末尚未办结的申请；一件申请计为一件。',
    c.t4Scope === 'filed'
      ? '表四：只统计本年度立案的案件，结果以年末状态为准。'
      : '表四：统计本年度立案的案件，以及以前年度立案、本年度审结的案件；结果以年末状态为准。',
    c.countCoDefendantAsReviewBody
      ? '表四：本机关作为复议机关被列为共同被告的案件也计入本机关。'
      : '表四：本机关仅作为复议机关被列为共同被告的案件，计入原行政行为机关（国办公开办函〔2016〕201号）。',
    c.repealIncludesExpired
      ? '表二：本年废止件数包括本年失效的文件。'
      : '表二：本年废止件数只统计本年废止的文件，不含到期失效的文件。',
  ]
}
