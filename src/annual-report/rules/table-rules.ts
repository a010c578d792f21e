// Within-report rules of report-schema.json `rules`, one entry each, evaluated by engine.ts.
import type { CompareRule, RuleDef } from './rule-types.ts'

const OUTCOME_ROWS_COMMON = [
  'granted',
  'partially_granted',
  'withheld_state_secret',
  'withheld_law_prohibited',
  'withheld_security_stability',
  'withheld_third_party_rights',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_files',
  'withheld_admin_inquiry',
  'unable_not_held',
  'unable_needs_creation',
  'unable_unclear_after_correction',
  'not_processed_petition',
  'not_processed_repeated',
  'not_processed_publication',
  'not_processed_excessive',
  'not_processed_confirmation',
]
// （六）其他处理: one row in 2019, three items in 2021. Real reports mix them (a 2021 table with the 2019 row), so
// each format's rule counts whichever of the two layouts was printed, its own first.
const OTHER_HANDLING_2019 = ['other_handling']
const OTHER_HANDLING_2021 = ['other_no_correction', 'other_fee_unpaid', 'other_misc']

const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
]

/** 表四: each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
function t4GroupTotal(id: string, group: string, groupZh: string): CompareRule {
  return {
    id,
    kind: 'compare',
    severity: 'error',
    formats: ['gov2019', 'gov2021'],
    basis: 'derived_from_layout',
    description: `${groupZh}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。`,
    iteration: { over: 'once' },
    left: [`t4.count.${group}_total`],
    op: '=',
    right: ['maintained', 'corrected', 'other', 'pending'].map((k) => `t4.count.${group}_${k}`),
    definesTotal: true,
  }
}

export const TABLE_RULES: readonly RuleDef[] = [
  {
    id: 'T3-BAL',
    kind: 'compare',
    severity: 'error',
    formats: ['gov2019', 'gov2021'],
    basis: 'official',
    description:
      '每一列：一、本年新收 + 二、上年结转 = 三、本年度办理结果（七）总计 + 四、结转下年度继续办理（表格左上角印明的勾稽关系）。',
    iteration: { over: 't3-columns' },
    left: ['t3.new_received.{c}', 't3.carried_over.{c}'],
    op: '=',
    right: ['t3.results_total.{c}', 't3.carried_forward.{c}'],
  },
  {
    id: 'T3-OUTCOME-SUM-2019',
    kind: 'compare',
    severity: 'error',
    formats: ['gov2019'],
    basis: 'derived_from_layout',
    description:
      '每一列：（七）总计 = （一）至（六）各数据行之和（不予公开8项、无法提供3项、不予处理5项、其他处理1行）。',
    iteration: { over: 't3-columns' },
    left: ['t3.results_total.{c}'],
    op: '=',
    right: OUTCOME_ROWS_COMMON.map((r) => `t3.${r}.{c}`),
    rightAnyOf: [...OTHER_HANDLING_2019, ...OTHER_HANDLING_2021].map((r) => `t3.${r}.{c}`),
    definesTotal: true,
  },
  {
    id: 'T3-OUTCOME-SUM-2021',
    kind: 'compare',
    severity: 'error',
    formats: ['gov2021'],
    basis: 'derived_from_layout',
    description:
      '每一列：（七）总计 = （一）至（六）各数据行之和（不予公开8项、无法提供3项、不予处理5项、其他处理3项）。',
    iteration: { over: 't3-columns' },
    left: ['t3.results_total.{c}'],
    op: '=',
    right: OUTCOME_ROWS_COMMON.map((r) => `t3.${r}.{c}`),
    rightAnyOf: [...OTHER_HANDLING_2021, ...OTHER_HANDLING_2019].map((r) => `t3.${r}.{c}`),
    definesTotal: true,
  },
  {
    id: 'T3-ROW-TOTAL',
    kind: 'compare',
    severity: 'error',
    formats: ['gov2019', 'gov2021'],
    basis: 'derived_from_layout',
    description: '每一行：总计列 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
    iteration: { over: 't3-rows' },
    left: ['t3.{r}.total'],
    op: '=',
    right: APPLICANT_COLUMNS.map((c) => `t3.{r}.${c}`),
    definesTotal: true,
  },
  {
    id: 'T3-INT',
    kind: 'cell-type',
    severity: 'error',
    formats: ['gov2019', 'gov2021'],
    basis: 'derived',
    description: '表三所有单元格为非负整数（空白视为0，但总计列空白而分项非零属于缺项）。',
    table: 't3',
  },
  {
    id: 'T3-PARTIAL-ONCE',
    kind: 'convention',
    severity: 'info',
    formats: ['gov2019', 'gov2021'],
    basis: 'official',
    description:
      '部分公开（区分处理）的申请只计入（二），不再计入（三）等其他情形；每件申请在办理结果中只计一次。',
    enforcedBy:
      'a finished report cannot show double counting beyond T3-BAL + T3-OUTCOME-SUM; the applications module gives each case one outcome',
  },
  t4GroupTotal('T4-REVIEW-TOTAL', 'review', '行政复议'),
  t4GroupTotal('T4-LITIGATION-DIRECT-TOTAL', 'litigation_direct', '未经复议直接起诉'),
  t4GroupTotal('T4-LITIGATION-AFTER-REVIEW-TOTAL', 'litigation_after_review', '复议后起诉'),
  {
    id: 'T4-INT',
    kind: 'cell-type',
    severity: 'error',
    formats: ['gov2019', 'gov2021'],
    basis: 'derived',
    description: '表四所有单元格为非负整数。',
    table: 't4',
  },
  {
    id: 'T2-INT-2021',
    kind: 'cell-type',
    severity: 'error',
    formats: ['gov2021'],
    basis: 'derived',
    description: '表二件数类单元格为非负整数；本年收费金额为非负数（单位万元，可有小数）。',
    table: 't2',
  },
  {
    id: 'T2-INT-2019',
    kind: 'cell-type',
    severity: 'error',
    formats: ['gov2019'],
    basis: 'derived',
    description: '表二数量类单元格为非负整数，本年增/减可为负数，采购总金额为非负金额（需识别单位）。',
    table: 't2',
  },
  {
    id: 'T2-2019-NEWPUB-LE-TOTAL',
    kind: 'compare',
    severity: 'warning',
    formats: ['gov2019'],
    basis: 'plausibility',
    description: '第二十条第（一）项：本年新公开数量 ≤ 对外公开总数量。',
    iteration: { over: 't2-rows', blocks: ['art20_1'] },
    left: ['t2.{r}.new_published_this_year'],
    op: '<=',
    right: ['t2.{r}.total_published'],
  },
  {
    id: 'T2-2019-ITEMS-NONNEG',
    kind: 'compare',
    severity: 'warning',
    formats: ['gov2019'],
    basis: 'plausibility',
    description: '上一年项目数量 + 本年增/减 ≥ 0（本年末事项数不能为负）。',
    iteration: { over: 't2-rows', blocks: ['art20_5', 'art20_6', 'art20_8'] },
    left: ['t2.{r}.prev_year_item_count', 't2.{r}.change_this_year'],
    op: '>=',
    right: [],
  },
]
