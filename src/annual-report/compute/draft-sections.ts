// Section texts of a computed report: a draft of 一、总体情况 stating the computed figures (the editor rewrites
// it), the table sections' one-line lead, and empty placeholders for 五 and 六. Pure.
import type { SectionKey } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'

const PLACEHOLDER = '（待填写）'

export function draftSections(
  report: Pick<AnnualReport, 'cells' | 'format'>,
  year: number,
): Partial<Record<SectionKey, string>> {
  const c = (a: string) => report.cells[a] ?? 0
  const [issued, normative] =
    report.format === 'gov2019'
      ? [c('t2.art20_1.rules.new_made_this_year'), c('t2.art20_1.normative_documents.new_made_this_year')]
      : [c('t2.art20_1.rules.issued_this_year'), c('t2.art20_1.normative_documents.issued_this_year')]
  const review = c('t4.count.review_total')
  const litigation = c('t4.count.litigation_direct_total') + c('t4.count.litigation_after_review_total')
  return {
    s1_overview:
      `本报告根据《中华人民共和国政府信息公开条例》第五十条编制，统计期限为${year}年1月1日至12月31日。` +
      `本年度制发规章${issued}件、行政规范性文件${normative}件。` +
      `本年度新收政府信息公开申请${c('t3.new_received.total')}件，` +
      `办结${c('t3.results_total.total')}件，` +
      `结转下年度继续办理${c('t3.carried_forward.total')}件。` +
      `因政府信息公开工作被申请行政复议${review}件，被提起行政诉讼${litigation}件。`,
    s2_proactive: '',
    s3_applications: '',
    s4_review_litigation: '',
    s5_problems: PLACEHOLDER,
    s6_other: PLACEHOLDER,
  }
}
