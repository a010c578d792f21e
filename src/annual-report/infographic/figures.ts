// What the 图解 shows, read from report models (the published versions): the year's key figures, the
// outcome breakdown of 表三, 表四's 复议/诉讼, and one trend point per year. Pure.
import type { AnnualReport } from '../model.ts'

/** One bar of the outcome breakdown. */
export interface OutcomeShare {
  readonly key: string
  readonly label: string
  readonly value: number
}

export interface AppealFigures {
  readonly maintained: number
  readonly corrected: number
  readonly other: number
  readonly pending: number
  readonly total: number
}

export interface TrendPoint {
  readonly year: number
  /** 本年新收 */
  readonly received: number
  /** 办理结果总计 */
  readonly concluded: number
  /** 予以公开 + 部分公开 */
  readonly disclosed: number
}

export interface InfographicData {
  readonly agency: string
  readonly year: number
  /** 表二: 规章 and 行政规范性文件 本年制发 and 现行有效. */
  readonly rulesIssued: number
  readonly normativeIssued: number
  readonly currentlyValid: number
  /** 表三 totals. */
  readonly received: number
  readonly carriedOver: number
  readonly concluded: number
  readonly carriedForward: number
  readonly outcomes: readonly OutcomeShare[]
  readonly review: AppealFigures
  readonly litigation: AppealFigures
  /** Every year with a report, oldest first (includes `year`). */
  readonly trend: readonly TrendPoint[]
}

function cell(report: AnnualReport, address: string): number {
  const v = report.cells[address]
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

function sumPrefix(report: AnnualReport, rowPrefix: string): number {
  let sum = 0
  for (const [address, value] of Object.entries(report.cells)) {
    if (address.startsWith(`t3.${rowPrefix}`) && address.endsWith('.total') && Number.isFinite(value))
      {sum += value}
  }
  return sum
}

/** The outcome rows of 表三 in six groups (the 2019 format has one （六） row, the 2021 one three). */
export function outcomeShares(report: AnnualReport): OutcomeShare[] {
  return [
    { key: 'granted', label: '予以公开', value: cell(report, 't3.granted.total') },
    { key: 'partially_granted', label: '部分公开', value: cell(report, 't3.partially_granted.total') },
    { key: 'withheld', label: '不予公开', value: sumPrefix(report, 'withheld_') },
    { key: 'unable', label: '无法提供', value: sumPrefix(report, 'unable_') },
    { key: 'not_processed', label: '不予处理', value: sumPrefix(report, 'not_processed_') },
    {
      key: 'other_handling',
      label: '其他处理',
      // 2019: the one row `other_handling`; 2021: other_no_correction, other_fee_unpaid, other_misc.
      value: sumPrefix(report, 'other_'),
    },
  ]
}

function appeal(report: AnnualReport, prefixes: readonly string[]): AppealFigures {
  const pick = (suffix: string) => prefixes.reduce((s, p) => s + cell(report, `t4.count.${p}_${suffix}`), 0)
  return {
    maintained: pick('maintained'),
    corrected: pick('corrected'),
    other: pick('other'),
    pending: pick('pending'),
    total: pick('total'),
  }
}

export function trendPoint(year: number, report: AnnualReport): TrendPoint {
  return {
    year,
    received: cell(report, 't3.new_received.total'),
    concluded: cell(report, 't3.results_total.total'),
    disclosed: cell(report, 't3.granted.total') + cell(report, 't3.partially_granted.total'),
  }
}

/** The 图解 of `year` from its report and the reports of the other years (any order). */
export function infographicData(
  agency: string,
  year: number,
  report: AnnualReport,
  otherYears: readonly { year: number; report: AnnualReport }[],
): InfographicData {
  const trend = [{ year, report }, ...otherYears.filter((o) => o.year !== year)]
    .map((o) => trendPoint(o.year, o.report))
    .sort((a, b) => a.year - b.year)
  const issued = report.format === 'gov2019' ? 'new_made_this_year' : 'issued_this_year'
  const valid = report.format === 'gov2019' ? 'total_published' : 'currently_valid'
  return {
    agency,
    year,
    // The 2019 format counts 本年新制作 and 对外公开总数量 where the 2021 one counts 本年制发 and 现行有效.
    rulesIssued: cell(report, `t2.art20_1.rules.${issued}`),
    normativeIssued: cell(report, `t2.art20_1.normative_documents.${issued}`),
    currentlyValid:
      cell(report, `t2.art20_1.rules.${valid}`) + cell(report, `t2.art20_1.normative_documents.${valid}`),
    received: cell(report, 't3.new_received.total'),
    carriedOver: cell(report, 't3.carried_over.total'),
    concluded: cell(report, 't3.results_total.total'),
    carriedForward: cell(report, 't3.carried_forward.total'),
    outcomes: outcomeShares(report),
    review: appeal(report, ['review']),
    litigation: appeal(report, ['litigation_direct', 'litigation_after_review']),
    trend,
  }
}
