// The remedy statement of an answer (救济途径). 条例第五十一条 opens 行政复议 and 行政诉讼; the time limits are those
// of the two procedural laws: 60 days to apply for 行政复议 (行政复议法（2023年修订）第二十条第一款) and 6 months
// to sue (行政诉讼法第四十六条第一款), each from the day the applicant knows of the act. The domain notes
// (format-and-law.md §4) do not carry this text; it is cited from the statutes [derived, to verify].

/** Who hears a 行政复议 when the agency has not configured it. */
export const DEFAULT_REVIEW_BODY = '有管辖权的行政复议机关'

export function remedyStatement(reviewBody: string | null): string {
  return (
    `如对本答复不服，可以自收到本答复之日起60日内向${reviewBody ?? DEFAULT_REVIEW_BODY}申请行政复议，` +
    '也可以自收到本答复之日起6个月内依法向人民法院提起行政诉讼' +
    '（《中华人民共和国政府信息公开条例》第五十一条、《中华人民共和国行政复议法》第二十条第一款、' +
    '《中华人民共和国行政诉讼法》第四十六条第一款）。'
  )
}

/** An outcome's basis (`条例第三十七条`) written out for a letter (`《中华人民共和国政府信息公开条例》第三十七条`). */
export function citeBasis(basis: string): string {
  return basis.replace(/^条例/, '《中华人民共和国政府信息公开条例》')
}
