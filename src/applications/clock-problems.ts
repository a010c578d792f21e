// What can be wrong in a case log. An `error` event is ignored when the clock is derived (so a case page always
// renders) and is refused when an operation tries to append it; a `warning` is shown to the officer.

/** Problem codes, a closed union. */
export type ClockProblemCode =
  | 'event_out_of_order'
  | 'second_receipt'
  | 'confirmation_not_needed'
  | 'confirmation_before_arrival'
  | 'event_before_receipt'
  | 'second_correction_request'
  | 'correction_notice_late'
  | 'correction_without_request'
  | 'correction_expired_early'
  | 'unknown_consultation'
  | 'duplicate_consultation'
  | 'second_extension'
  | 'extension_out_of_range'
  | 'extension_after_due'
  | 'second_fee_notice'
  | 'fee_without_notice'
  | 'fee_deadline_missed_early'
  | 'event_after_conclusion'
  | 'closed_without_outcome'
  | 'answered_late'

/** One problem, tied to the event that caused it. */
export interface ClockProblem {
  code: ClockProblemCode
  severity: 'error' | 'warning'
  /** Index of the event in the log. */
  eventIndex: number
  /** Chinese message citing the rule. */
  message: string
}

const MESSAGES: Readonly<Record<ClockProblemCode, string>> = {
  event_out_of_order: '事件日期早于前一事件，记录顺序有误',
  second_receipt: '案件只能有一个“收到申请”事件',
  confirmation_not_needed: '该渠道以收到或签收之日为收到申请之日，无需确认（条例第三十一条）',
  confirmation_before_arrival: '确认日期早于申请到达日期',
  event_before_receipt: '收到申请之日尚未确定（条例第三十一条），不能办理该事项',
  second_correction_request: '补正告知只能一次性发出（条例第三十条）',
  correction_notice_late: '补正告知应在收到申请之日起7个工作日内发出（条例第三十条）',
  correction_without_request: '没有补正告知，不能记录补正结果',
  correction_expired_early: '补正期限尚未届满，不能视为放弃申请',
  unknown_consultation: '没有对应的征求意见记录',
  duplicate_consultation: '征求意见编号重复',
  second_extension: '答复期限只能延长一次（条例第三十三条第二款）',
  extension_out_of_range: '延长期限最长不得超过20个工作日（条例第三十三条第二款）',
  extension_after_due: '延长答复期限应在答复期限届满前决定（条例第三十三条第二款）',
  second_fee_notice: '收费通知已发出，不能重复发出',
  fee_without_notice: '没有收费通知，不能记录缴费结果',
  fee_deadline_missed_early: '缴费期限尚未届满，不能视为放弃申请',
  event_after_conclusion: '案件已办结，不能再记录该事项',
  closed_without_outcome: '案件尚未答复或终止，不能归档',
  answered_late: '答复日期晚于答复期限（条例第三十三条）',
}

const WARNINGS: ReadonlySet<ClockProblemCode> = new Set([
  'correction_notice_late',
  'extension_after_due',
  'answered_late',
  'confirmation_not_needed',
])

/** Builds a problem with its standard message and severity. */
export function clockProblem(code: ClockProblemCode, eventIndex: number, detail?: string): ClockProblem {
  const message = detail === undefined ? MESSAGES[code] : `${MESSAGES[code]}：${detail}`
  return { code, severity: WARNINGS.has(code) ? 'warning' : 'error', eventIndex, message }
}
