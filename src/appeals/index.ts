/**
 * 行政复议 / 行政诉讼 records arising from disclosure work (年度报告 section 四, 表四): record a case, record its
 * outcome, list an agency's cases. Same roles as 依申请公开 cases: the agency's 依申请办理员 and the 机构管理员
 * above it write; 监督员 read the subtree. Every write is audited.
 */
export type {
  /** One record. */
  Appeal,
  /** 行政复议 / 未经复议直接起诉 / 复议后起诉. */
  AppealKind,
  /** 结果维持 / 结果纠正 / 其他结果 / 尚未审结. */
  AppealOutcome,
  /** The recording agency's part: original acting agency, or 复议机关 as co-defendant. */
  AgencyRole,
} from './appeal.ts'
export {
  /** Labels and closed lists. */
  AGENCY_ROLE_LABELS,
  AGENCY_ROLES,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  /** The outcome as it stood on a date (later conclusions were still pending). */
  outcomeAt,
  /** The 表四 column of a kind and outcome. */
  t4Column,
} from './appeal.ts'
/** Input schemas (zod) of the operations. */
export { ListAppealsSchema, RecordAppealSchema, UpdateAppealOutcomeSchema } from './appeal.schema.ts'
export type { ListAppealsInput, RecordAppealInput, UpdateAppealOutcomeInput } from './appeal.schema.ts'
/** The policy: rules as data, decisions and abilities for the UI. */
export { APPEAL_ACTIONS, APPEAL_RULES, appealAbilities, canAppeal } from './appeal.policy.ts'
export type { AppealAction } from './appeal.policy.ts'
/** Record a case (audited; the case number is unique per agency and kind). */
export { recordAppeal } from './operations/record-appeal.ts'
/** Record or correct the outcome and conclusion date (audited). */
export { updateAppealOutcome } from './operations/update-appeal-outcome.ts'
/** An agency's cases, filed or concluded in a year when given. */
export { listAppeals } from './operations/list-appeals.ts'
export type { AppealPage } from './operations/list-appeals.ts'
