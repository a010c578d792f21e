// What the console and the API use of the catalogue module, in one place: types, labels and the policy for
// showing only what the user may do. Operations are imported from the module's public surface.
export {
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  ITEM_TYPES,
  ITEM_TYPE_LABELS,
  VALIDITIES,
  VALIDITY_LABELS,
  splitKeywords,
} from '../../../catalogue/item.ts'
export type {
  Attachment,
  Item,
  ItemStatus,
  ItemSummary,
  ItemType,
  Validity,
} from '../../../catalogue/item.ts'
export { COLUMN_KIND_LABELS, buildColumnTree } from '../../../catalogue/column.ts'
export type { Column, ColumnNode } from '../../../catalogue/column.ts'
export { canTransition, isEditable } from '../../../catalogue/status.ts'
export { canCatalogue, catalogueAbilities } from '../../../catalogue/catalogue.policy.ts'
export type { CatalogueAction } from '../../../catalogue/catalogue.policy.ts'
export type { DeadlineStanding } from '../../../catalogue/publication-deadline.ts'
export type { TopicCategory } from '../../../catalogue/topic-vocabulary.ts'
export { sanitizeBodyHtml } from '../../../catalogue/body-html.ts'
export type { CreateDraftInput, UpdateDraftInput } from '../../../catalogue/item.schema.ts'
export type { PolicyTarget } from '../../../accounts/index.ts'
