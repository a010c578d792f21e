// The case page's "why is my deadline X": one Chinese line per rule the clock applied, citing the article.
// Written from the derived clock, so it can never disagree with the dates.
import type { CaseFacts } from './case-facts.ts'
import { pauseSpansOf } from './clock-pauses.ts'
import type { ClockRules } from './clock-rules.ts'
import type { CaseClock } from './deadline.ts'

/** The reasoning behind a derived clock, in order. */
export function writeClockNotes(clock: CaseClock, facts: CaseFacts, rules: ClockRules): string[] {
  const { receipt, answer, correction } = clock
  const notes: string[] = []
  if (receipt.status === 'awaiting_confirmation') return [`待确认：${receipt.rule}`]
  notes.push(`收到申请之日：${receipt.date}（${receipt.rule}）`)
  if (correction && correction.receivedOn === undefined) {
    notes.push(
      `已于${correction.requestedOn}发出补正告知，答复期限自收到补正后的申请之日起计算（条例第三十条）`,
    )
  }
  if (answer.startedOn === null) return notes
  if (correction?.receivedOn !== undefined) {
    notes.push(`收到补正后的申请之日：${correction.receivedOn}，答复期限重新计算（条例第三十条）`)
  }
  notes.push(
    `自${answer.startedOn}的次日起计算（民法典第二百零一条），${rules.answerWorkingDays}个工作日内答复（条例第三十三条第二款）`,
  )
  if (clock.extension) {
    const e = clock.extension
    notes.push(`${e.approvedOn}经${e.approver}同意延长${e.workingDays}个工作日（条例第三十三条第二款）`)
  }
  for (const p of pauseSpansOf(facts, rules)) notes.push(`${p.from}至${p.to ?? '答复前'}：${p.reason}`)
  if (answer.state === 'paused') {
    notes.push(`自${answer.pausedSince ?? ''}起暂停计算，已计${answer.countedWorkingDays}个工作日`)
  } else if (answer.due?.status === 'calendar_unknown') {
    notes.push(`${answer.due.year}年的法定节假日安排尚未录入日历，答复期限无法计算，请管理员录入后再看`)
  } else if (answer.due?.status === 'due') {
    if (clock.art35 && answer.due !== answer.statutoryDue) {
      notes.push(`${clock.art35.setOn}依条例第三十五条确定延迟答复期限：${clock.art35.newDueDate}`)
    }
    notes.push(`答复期限：${answer.due.date}`)
  }
  return notes
}
