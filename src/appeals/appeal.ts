// 行政复议 / 行政诉讼 records arising from disclosure work (条例第五十一条; 年度报告 section 四, 表四): the closed
// unions, their Chinese labels and the 表四 column each record falls in. Plain data, no I/O.

/** 行政复议, or 行政诉讼 未经复议直接起诉 / 复议后起诉 (the three column groups of 表四). */
export type AppealKind = 'review' | 'litigation_direct' | 'litigation_after_review'

export const APPEAL_KINDS: readonly AppealKind[] = ['review', 'litigation_direct', 'litigation_after_review']

export const APPEAL_KIND_LABELS: Readonly<Record<AppealKind, string>> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
}

/**
 * 结果维持 / 结果纠正 / 其他结果 / 尚未审结. The meaning of each is practice, not text (format-and-law.md §1.5 C10,
 * [unverified]): 维持 = upheld or claim rejected; 纠正 = set aside, varied, declared unlawful or ordered to act;
 * 其他 = rejected without a merits decision, withdrawn, terminated, settled.
 */
export type AppealOutcome = 'maintained' | 'corrected' | 'other' | 'pending'

export const APPEAL_OUTCOMES: readonly AppealOutcome[] = ['maintained', 'corrected', 'other', 'pending']

export const APPEAL_OUTCOME_LABELS: Readonly<Record<AppealOutcome, string>> = {
  maintained: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
}

/**
 * The recording agency's part in the case. `review_body_co_defendant`: the agency is sued only because, as
 * 复议机关, it decided the review (行政诉讼法第二十六条第二款). 国办公开办函〔2016〕201号 [verified] says such a case
 * is counted for the original acting agency, not the review body; it was issued under the old 条例, and that it
 * still applies is practice ([unverified] as current law), so the counting is an option of the report.
 */
export type AgencyRole = 'original' | 'review_body_co_defendant'

export const AGENCY_ROLES: readonly AgencyRole[] = ['original', 'review_body_co_defendant']

export const AGENCY_ROLE_LABELS: Readonly<Record<AgencyRole, string>> = {
  original: '原行政行为机关',
  review_body_co_defendant: '复议机关（作共同被告）',
}

/** One record as the domain sees it. */
export interface Appeal {
  readonly id: number
  readonly agencyId: number
  readonly kind: AppealKind
  /** 案号. */
  readonly caseNumber: string
  /** Filing date (申请复议之日 / 立案之日), YYYY-MM-DD. */
  readonly filedOn: string
  /** The 依申请公开 case it concerns, if any. */
  readonly applicationId: number | null
  readonly agencyRole: AgencyRole
  /** The outcome as known now; see `outcomeAt` for the outcome at a year's end. */
  readonly outcome: AppealOutcome
  /** 审结 date; null while pending. */
  readonly concludedOn: string | null
  readonly note: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** The outcome as it stood on `date`: a case concluded later was still 尚未审结 then. */
export function outcomeAt(appeal: Pick<Appeal, 'outcome' | 'concludedOn'>, date: string): AppealOutcome {
  if (appeal.concludedOn === null || appeal.concludedOn > date) return 'pending'
  return appeal.outcome
}

/** The 表四 column (`t4.count.<column>`) of a kind and outcome, e.g. review + corrected → review_corrected. */
export function t4Column(kind: AppealKind, outcome: AppealOutcome): string {
  return `${kind}_${outcome}`
}

export function isAppealKind(v: string): v is AppealKind {
  return (APPEAL_KINDS as readonly string[]).includes(v)
}

export function isAppealOutcome(v: string): v is AppealOutcome {
  return (APPEAL_OUTCOMES as readonly string[]).includes(v)
}

export function isAgencyRole(v: string): v is AgencyRole {
  return (AGENCY_ROLES as readonly string[]).includes(v)
}
