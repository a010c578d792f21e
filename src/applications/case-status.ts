// Derived case states (never stored: STYLE.md §5.1.6). "Overdue" is not a state; see `isOverdue`.

/** Where a case stands, derived from its events. */
export type CaseStatus =
  | 'awaiting_confirmation'
  | 'in_progress'
  | 'awaiting_correction'
  | 'in_consultation'
  | 'awaiting_fee'
  | 'answered'
  | 'abandoned'
  | 'closed'

/** Chinese descriptions shown to officers and on the public tracking page. */
export const CASE_STATUS_DESCRIPTIONS: Readonly<Record<CaseStatus, string>> = {
  awaiting_confirmation: '待确认收到（条例第三十一条：以双方确认之日为收到申请之日）',
  in_progress: '办理中',
  awaiting_correction: '待申请人补正（答复期限自收到补正申请之日起计算）',
  in_consultation: '征求意见中（征求意见时间不计入答复期限）',
  awaiting_fee: '待缴纳信息处理费',
  answered: '已答复',
  abandoned: '视为放弃申请，不再处理',
  closed: '已办结归档',
}

/** Short names for lists and exports. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  awaiting_confirmation: '待确认',
  in_progress: '办理中',
  awaiting_correction: '待补正',
  in_consultation: '征求意见中',
  awaiting_fee: '待缴费',
  answered: '已答复',
  abandoned: '视为放弃',
  closed: '已办结',
}

/** True for states in which nothing more is owed to the applicant. */
export function isConcluded(status: CaseStatus): boolean {
  return status === 'answered' || status === 'abandoned' || status === 'closed'
}
