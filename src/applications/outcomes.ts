// How a case ends, and the 表三 row it is counted in (format-and-law.md §4.7). Every concluded application has
// exactly one outcome (counting rule C3), so the annual report can be computed rather than typed. Row keys
// and labels come from the annual-report formats; nothing is retyped here.
import { FORMATS } from '../annual-report/formats/index.ts'
import type { FormatKey } from '../annual-report/formats/index.ts'

/** The answer an officer gives (条例第三十六条 and the articles it refers to). */
export type AnswerType =
  | 'already_public'
  | 'disclosed'
  | 'partially_disclosed'
  | 'withheld_state_secret'
  | 'withheld_law_prohibited'
  | 'withheld_security_stability'
  | 'withheld_third_party_rights'
  | 'withheld_internal_affairs'
  | 'withheld_process_info'
  | 'withheld_enforcement_files'
  | 'withheld_admin_inquiry'
  | 'not_held'
  | 'not_this_agency'
  | 'needs_creation'
  | 'unclear_after_correction'
  | 'petition'
  | 'repeated'
  | 'publication'
  | 'excessive'
  | 'confirmation_request'
  | 'withdrawn'
  | 'other'

/** Every way a case concludes: an answer, or abandonment recorded by its own event. */
export type CaseOutcome = AnswerType | 'abandoned_no_correction' | 'abandoned_fee_unpaid'

/** How sure the mapping is (format-and-law.md §4.7). */
export type MappingCertainty = 'certain' | 'common_practice' | 'form_defined'

/** Where one outcome is counted and why. */
export interface OutcomeMapping {
  /** 表三 row key in the 2021 format. */
  gov2021: string
  /** 表三 row key in the 2019 试行 format, where （六）其他处理 is a single row. */
  gov2019: string
  /** Legal basis cited in the answer letter. */
  basis: string
  certainty: MappingCertainty
}

const WITHHELD = '条例第三十六条第（三）项'

/** The full §4.7 table. */
export const OUTCOME_MAPPINGS: Readonly<Record<CaseOutcome, OutcomeMapping>> = {
  already_public: {
    gov2021: 'granted',
    gov2019: 'granted',
    basis: '条例第三十六条第（一）项',
    certainty: 'common_practice',
  },
  disclosed: {
    gov2021: 'granted',
    gov2019: 'granted',
    basis: '条例第三十六条第（二）项',
    certainty: 'certain',
  },
  partially_disclosed: {
    gov2021: 'partially_granted',
    gov2019: 'partially_granted',
    basis: '条例第三十七条',
    certainty: 'certain',
  },
  withheld_state_secret: row('withheld_state_secret', `${WITHHELD}、第十四条`),
  withheld_law_prohibited: row('withheld_law_prohibited', `${WITHHELD}、第十四条`),
  withheld_security_stability: row('withheld_security_stability', `${WITHHELD}、第十四条`),
  withheld_third_party_rights: row('withheld_third_party_rights', `${WITHHELD}、第十五条、第三十二条`),
  withheld_internal_affairs: row('withheld_internal_affairs', `${WITHHELD}、第十六条第一款`),
  withheld_process_info: row('withheld_process_info', `${WITHHELD}、第十六条第二款`),
  withheld_enforcement_files: row('withheld_enforcement_files', `${WITHHELD}、第十六条第二款`),
  withheld_admin_inquiry: row('withheld_admin_inquiry', '条例第三十六条第（七）项', 'common_practice'),
  not_held: row('unable_not_held', '条例第三十六条第（四）项'),
  not_this_agency: row('unable_not_held', '条例第三十六条第（五）项', 'common_practice'),
  needs_creation: row('unable_needs_creation', '条例第三十八条'),
  unclear_after_correction: row('unable_unclear_after_correction', '条例第三十条'),
  petition: row('not_processed_petition', '条例第三十九条第一款'),
  repeated: row('not_processed_repeated', '条例第三十六条第（六）项'),
  publication: row('not_processed_publication', '条例第三十九条第二款'),
  excessive: row('not_processed_excessive', '条例第三十五条'),
  confirmation_request: row(
    'not_processed_confirmation',
    '表三（五）5（格式规定，无对应条款）',
    'form_defined',
  ),
  abandoned_no_correction: other('other_no_correction', '条例第三十条', 'certain'),
  abandoned_fee_unpaid: other('other_fee_unpaid', '国办函〔2020〕109号', 'certain'),
  withdrawn: other('other_misc', '申请人撤回申请', 'common_practice'),
  other: other('other_misc', '其他处理', 'common_practice'),
}

// A row shared by both formats.
function row(key: string, basis: string, certainty: MappingCertainty = 'certain'): OutcomeMapping {
  return { gov2021: key, gov2019: key, basis, certainty }
}

// A （六）其他处理 row: three rows in 2021, one in 2019.
function other(key: string, basis: string, certainty: MappingCertainty): OutcomeMapping {
  return { gov2021: key, gov2019: 'other_handling', basis, certainty }
}

/** The 表三 row an outcome is counted in, with its printed label and group label from the format. */
export interface OutcomeRow {
  key: string
  /** Exact label, e.g. 1.属于国家秘密. */
  label: string
  /** Group label above it, e.g. （三）不予公开; undefined for （一）（二）. */
  groupLabel?: string
  basis: string
}

/** The 表三 row (key, label, group label) of an outcome in a format; throws if the format lacks the row. */
export function outcomeRow(outcome: CaseOutcome, format: FormatKey): OutcomeRow {
  const mapping = OUTCOME_MAPPINGS[outcome]
  const key = mapping[format]
  const t3 = FORMATS[format].t3
  const rowDef = t3.rows.find((r) => r.key === key)
  if (!rowDef) throw new Error(`表三 (${format}) has no row ${key}`)
  const groupLabel = t3.rowGroups.find((g) => g.key === rowDef.group && g.key !== 'results')?.label
  return {
    key,
    label: rowDef.label,
    basis: mapping.basis,
    ...(groupLabel === undefined ? {} : { groupLabel }),
  }
}

/** Keys of the 表三 outcome rows of a format (the rows under 三、本年度办理结果, without （七）总计). */
export function t3OutcomeRowKeys(format: FormatKey): string[] {
  return FORMATS[format].t3.rows
    .filter((r) => r.group !== undefined && r.key !== 'results_total')
    .map((r) => r.key)
}
