// The remedy statement of an answer (救济途径), checked against the statutes:
// - 条例第五十一条: the applicant may complain to the agency one level up or to the 政府信息公开工作主管部门, and may
//   apply for 行政复议 or bring 行政诉讼 according to law.
// - 行政复议法（2023年修订）第二十条第一款: 60 days from the day the applicant knows or should know of the act
//   (not from the letter's date; receipt is when the applicant usually comes to know it).
// - 行政复议法（2023年修订）第二十三条第一款第（四）项: "申请政府信息公开，行政机关不予公开" must first go to
//   行政复议 (复议前置); only the 复议决定 may then be taken to court (行政诉讼法第四十五条: within 15 days of
//   receiving it). A 部分公开 answer withholds the rest, so it is treated the same way [derived: the statute
//   names 不予公开; courts read a partial refusal as a refusal of that part].
// - 行政诉讼法第四十六条第一款: 6 months from knowing, for the other answers (directly to court).
// The previous text counted both periods "自收到本答复之日起" and offered direct litigation for every answer,
// which the 2023 revision no longer allows for a refusal.
import type { AnswerType } from '../outcomes.ts'

/** Who hears a 行政复议 when the agency has not configured it. */
export const DEFAULT_REVIEW_BODY = '有管辖权的行政复议机关'

/** True for answers that refuse disclosure in whole or part: 行政复议 comes first (行政复议法第二十三条). */
export function needsReviewFirst(answerType: AnswerType | undefined): boolean {
  return (
    answerType !== undefined && (answerType === 'partially_disclosed' || answerType.startsWith('withheld_'))
  )
}

export function remedyStatement(reviewBody: string | null, answerType?: AnswerType): string {
  const body = reviewBody ?? DEFAULT_REVIEW_BODY
  if (needsReviewFirst(answerType)) {
    return (
      `如对本答复不服，可以自知道本答复之日起60日内向${body}申请行政复议；` +
      '对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼' +
      '（《中华人民共和国政府信息公开条例》第五十一条、《中华人民共和国行政复议法》第二十条第一款和' +
      '第二十三条第一款第（四）项、《中华人民共和国行政诉讼法》第四十五条）。'
    )
  }
  return (
    `如对本答复不服，可以自知道本答复之日起60日内向${body}申请行政复议，` +
    '也可以自知道本答复之日起6个月内依法向人民法院提起行政诉讼' +
    '（《中华人民共和国政府信息公开条例》第五十一条、《中华人民共和国行政复议法》第二十条第一款、' +
    '《中华人民共和国行政诉讼法》第四十六条第一款）。'
  )
}

/** An outcome's basis (`条例第三十七条`) written out for a letter (`《中华人民共和国政府信息公开条例》第三十七条`). */
export function citeBasis(basis: string): string {
  return basis.replace(/^条例/, '《中华人民共和国政府信息公开条例》')
}
