// The statutory publication deadline of an annual report (条例第四十九条, format-and-law.md §7.1 [verified]):
// a county-level-or-higher government department publishes by 31 January of Y+1; the 主管部门 publishes a
// county-level-or-higher local government's own report by 31 March of Y+1; the 条例 sets no date for
// township governments (provinces do). Configurable, since provinces add their own dates. Pure.
import type { ReportAgencyKind } from '../rules/index.ts'

/** Month-day (`MM-DD`) of year Y+1 per kind of agency; null = no statutory date. */
export interface DeadlineRules {
  readonly department: string | null
  readonly government: string | null
  readonly township: string | null
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  department: '01-31',
  government: '03-31',
  township: null,
}

/**
 * The report kind of an agency record's kind. The agency record has no administrative level, so a
 * 人民政府 is taken to be county-level or higher ([unverified] for a given agency: a township government is
 * recorded as `township`).
 */
export function reportKindOf(agencyKind: string): ReportAgencyKind {
  if (agencyKind === 'government') return 'government'
  if (agencyKind === 'township' || agencyKind === 'street_office') return 'township'
  return 'department'
}

export interface ReportDeadline {
  readonly kind: ReportAgencyKind
  /** YYYY-MM-DD, or null where no statutory date applies. */
  readonly date: string | null
  /** Days from `today` to the deadline (negative once passed); null without a date. */
  readonly daysLeft: number | null
  /** The rule in Chinese, for the builder. */
  readonly basis: string
}

const BASIS: Readonly<Record<ReportAgencyKind, string>> = {
  department:
    '县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布（条例第四十九条）',
  government:
    '县级以上地方人民政府的年度报告由其政府信息公开工作主管部门在每年3月31日前向社会公布（条例第四十九条）',
  township: '条例未规定乡（镇）人民政府年度报告的公布期限，以省级规定为准',
}

/** The deadline of the report for `year` and the days left on `today` (YYYY-MM-DD). */
export function reportDeadline(
  year: number,
  kind: ReportAgencyKind,
  today: string,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): ReportDeadline {
  const md = rules[kind]
  if (md === null) return { kind, date: null, daysLeft: null, basis: BASIS[kind] }
  const date = `${year + 1}-${md}`
  const daysLeft = Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  )
  return { kind, date, daysLeft, basis: BASIS[kind] }
}
