import type { PauseSpan } from './answer-clock.ts'
import type { CaseFacts } from './case-facts.ts'
import type { ClockRules } from './clock-rules.ts'

// 条例第三十三条第三款: consultation time is not counted; the fee period only when the rule option says so.
/** The spans during which the answer clock stands still. */
export function pauseSpansOf(facts: CaseFacts, rules: ClockRules): PauseSpan[] {
  const pauses: PauseSpan[] = facts.consultations.map((c) => {
    const who =
      c.party === 'third_party' ? '征求第三方意见（条例第三十二条）' : '征求其他机关意见（条例第三十四条）'
    const reason = `${who}，不计入答复期限（条例第三十三条第三款）`
    return { from: c.startedOn, ...(c.answeredOn ? { to: c.answeredOn } : {}), reason }
  })
  if (rules.feePeriodPausesAnswerClock && facts.fee) {
    const end = facts.fee.paidOn ?? facts.fee.missed?.on
    const reason = '收费通知至缴费期间，按本机关规则不计入答复期限'
    pauses.push({ from: facts.fee.noticeOn, ...(end ? { to: end } : {}), reason })
  }
  return pauses
}
