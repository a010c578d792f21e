// 表三 and 表四 — shared by both formats except for the （六）其他处理 rows (format-and-law.md §1.3, §1.4, §2.2).
import type { ColumnDef, GroupDef, RowDef } from './types.ts'

export const T3_LABEL = '收到和处理政府信息公开申请情况'
export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

export const T3_COLUMN_GROUPS: readonly GroupDef[] = [
  { key: 'applicant', label: '申请人情况' },
  { key: 'legal_person_or_org', label: '法人或其他组织', parent: 'applicant' },
]

/** The 7 columns of 表三 in printed order (T3_COLUMNS). */
export const T3_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural_person', label: '自然人', type: 'int', group: 'applicant' },
  { key: 'commercial_enterprise', label: '商业企业', type: 'int', group: 'legal_person_or_org' },
  { key: 'research_institution', label: '科研机构', type: 'int', group: 'legal_person_or_org' },
  { key: 'public_interest_org', label: '社会公益组织', type: 'int', group: 'legal_person_or_org' },
  { key: 'legal_service_org', label: '法律服务机构', type: 'int', group: 'legal_person_or_org' },
  { key: 'other_org', label: '其他', type: 'int', group: 'legal_person_or_org' },
  { key: 'total', label: '总计', type: 'int', group: 'applicant' },
]

export const T3_ROW_GROUPS_GOV2021: readonly GroupDef[] = [
  { key: 'results', label: '三、本年度办理结果' },
  { key: 'withheld', label: '（三）不予公开', parent: 'results' },
  { key: 'unable', label: '（四）无法提供', parent: 'results' },
  { key: 'not_processed', label: '（五）不予处理', parent: 'results' },
  { key: 'other_handling', label: '（六）其他处理', parent: 'results' },
]

export const T3_ROW_GROUPS_GOV2019: readonly GroupDef[] = T3_ROW_GROUPS_GOV2021.filter((g) => g.key !== 'other_handling')

export const T3_ROWS_GOV2021: readonly RowDef[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开', group: 'results' },
  { key: 'partially_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results' },
  { key: 'withheld_state_secret', label: '1.属于国家秘密', group: 'withheld' },
  { key: 'withheld_law_prohibited', label: '2.其他法律行政法规禁止公开', group: 'withheld' },
  { key: 'withheld_security_stability', label: '3.危及“三安全一稳定”', group: 'withheld' },
  { key: 'withheld_third_party_rights', label: '4.保护第三方合法权益', group: 'withheld' },
  { key: 'withheld_internal_affairs', label: '5.属于三类内部事务信息', group: 'withheld' },
  { key: 'withheld_process_info', label: '6.属于四类过程性信息', group: 'withheld' },
  { key: 'withheld_enforcement_files', label: '7.属于行政执法案卷', group: 'withheld' },
  { key: 'withheld_admin_inquiry', label: '8.属于行政查询事项', group: 'withheld' },
  { key: 'unable_not_held', label: '1.本机关不掌握相关政府信息', group: 'unable' },
  { key: 'unable_needs_creation', label: '2.没有现成信息需要另行制作', group: 'unable' },
  { key: 'unable_unclear_after_correction', label: '3.补正后申请内容仍不明确', group: 'unable' },
  { key: 'not_processed_petition', label: '1.信访举报投诉类申请', group: 'not_processed' },
  { key: 'not_processed_repeated', label: '2.重复申请', group: 'not_processed' },
  { key: 'not_processed_publication', label: '3.要求提供公开出版物', group: 'not_processed' },
  { key: 'not_processed_excessive', label: '4.无正当理由大量反复申请', group: 'not_processed' },
  { key: 'not_processed_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: 'not_processed' },
  { key: 'other_no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: 'other_handling' },
  { key: 'other_fee_unpaid', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: 'other_handling' },
  { key: 'other_misc', label: '3.其他', group: 'other_handling' },
  { key: 'results_total', label: '（七）总计', group: 'results' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
]

export const T3_ROWS_GOV2019: readonly RowDef[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开', group: 'results' },
  { key: 'partially_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results' },
  { key: 'withheld_state_secret', label: '1.属于国家秘密', group: 'withheld' },
  { key: 'withheld_law_prohibited', label: '2.其他法律行政法规禁止公开', group: 'withheld' },
  { key: 'withheld_security_stability', label: '3.危及“三安全一稳定”', group: 'withheld' },
  { key: 'withheld_third_party_rights', label: '4.保护第三方合法权益', group: 'withheld' },
  { key: 'withheld_internal_affairs', label: '5.属于三类内部事务信息', group: 'withheld' },
  { key: 'withheld_process_info', label: '6.属于四类过程性信息', group: 'withheld' },
  { key: 'withheld_enforcement_files', label: '7.属于行政执法案卷', group: 'withheld' },
  { key: 'withheld_admin_inquiry', label: '8.属于行政查询事项', group: 'withheld' },
  { key: 'unable_not_held', label: '1.本机关不掌握相关政府信息', group: 'unable' },
  { key: 'unable_needs_creation', label: '2.没有现成信息需要另行制作', group: 'unable' },
  { key: 'unable_unclear_after_correction', label: '3.补正后申请内容仍不明确', group: 'unable' },
  { key: 'not_processed_petition', label: '1.信访举报投诉类申请', group: 'not_processed' },
  { key: 'not_processed_repeated', label: '2.重复申请', group: 'not_processed' },
  { key: 'not_processed_publication', label: '3.要求提供公开出版物', group: 'not_processed' },
  { key: 'not_processed_excessive', label: '4.无正当理由大量反复申请', group: 'not_processed' },
  { key: 'not_processed_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: 'not_processed' },
  { key: 'other_handling', label: '（六）其他处理', group: 'results' },
  { key: 'results_total', label: '（七）总计', group: 'results' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
]

export const T4_LABEL = '政府信息公开行政复议、行政诉讼情况'

export const T4_COLUMN_GROUPS: readonly GroupDef[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation', label: '行政诉讼' },
  { key: 'litigation_direct', label: '未经复议直接起诉', parent: 'litigation' },
  { key: 'litigation_after_review', label: '复议后起诉', parent: 'litigation' },
]

/** The 15 cells of 表四's single data row, in printed order. */
export const T4_COLUMNS: readonly ColumnDef[] = [
  { key: 'review_maintained', label: '结果维持', type: 'int', group: 'review' },
  { key: 'review_corrected', label: '结果纠正', type: 'int', group: 'review' },
  { key: 'review_other', label: '其他结果', type: 'int', group: 'review' },
  { key: 'review_pending', label: '尚未审结', type: 'int', group: 'review' },
  { key: 'review_total', label: '总计', type: 'int', group: 'review' },
  { key: 'litigation_direct_maintained', label: '结果维持', type: 'int', group: 'litigation_direct' },
  { key: 'litigation_direct_corrected', label: '结果纠正', type: 'int', group: 'litigation_direct' },
  { key: 'litigation_direct_other', label: '其他结果', type: 'int', group: 'litigation_direct' },
  { key: 'litigation_direct_pending', label: '尚未审结', type: 'int', group: 'litigation_direct' },
  { key: 'litigation_direct_total', label: '总计', type: 'int', group: 'litigation_direct' },
  { key: 'litigation_after_review_maintained', label: '结果维持', type: 'int', group: 'litigation_after_review' },
  { key: 'litigation_after_review_corrected', label: '结果纠正', type: 'int', group: 'litigation_after_review' },
  { key: 'litigation_after_review_other', label: '其他结果', type: 'int', group: 'litigation_after_review' },
  { key: 'litigation_after_review_pending', label: '尚未审结', type: 'int', group: 'litigation_after_review' },
  { key: 'litigation_after_review_total', label: '总计', type: 'int', group: 'litigation_after_review' },
]
