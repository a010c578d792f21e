// What the console and the API use of the catalogue module's types, labels, pure rules and policy, in one
// place (all from the module's public surface).
export {
  buildColumnTree,
  canCatalogue,
  canTransition,
  catalogueAbilities,
  COLUMN_KIND_LABELS,
  isEditable,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  ITEM_TYPE_LABELS,
  ITEM_TYPES,
  sanitizeBodyHtml,
  VALIDITIES,
  VALIDITY_LABELS,
} from '../../../catalogue/index.ts'
export type {
  Attachment,
  CatalogueAction,
  Column,
  ColumnNode,
  CreateDraftInput,
  DeadlineStanding,
  Item,
  ItemStatus,
  ItemSummary,
  ItemType,
  TopicCategory,
  UpdateDraftInput,
  Validity,
} from '../../../catalogue/index.ts'
export type { PolicyTarget } from '../../../accounts/index.ts'

/** Keywords typed in one field → list (spaces, commas, 顿号 and semicolons separate them). */
export function splitKeywords(text: string): string[] {
  return text.split(/[\s,，、;；]+/u).filter((k) => k.length > 0)
}
