// The supervision module (监督考核): a supervising office's 考核 overview of its subordinate agencies, sortable
// and exportable. This file is the module's only public surface.
export { getKaoheOverview, KaoheOverviewSchema } from './operations/get-kaohe-overview.ts'
export type { KaoheOverview, KaoheOverviewInput } from './operations/get-kaohe-overview.ts'
export {
  formatShare,
  KAOHE_COLUMNS,
  KAOHE_SORT_KEYS,
  REPORT_STATUS_LABELS,
  reportStatusOf,
  share,
  sortKaohe,
} from './kaohe.ts'
export type { KaoheColumn, KaoheRow, ReportStatus, SortDirection } from './kaohe.ts'
export { kaoheCsv, kaoheXlsx, xmlEscape } from './kaohe-export.ts'
export { canSupervise, SUPERVISION_RULES } from './supervision.policy.ts'
export type { SupervisionAction } from './supervision.policy.ts'
