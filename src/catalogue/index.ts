/**
 * Catalogue (主动公开): each agency's column tree, items with their catalogue metadata, the publishing
 * workflow (draft → 保密审查 → published now or at a set time → withdrawn), 索引号 schemes, the
 * 20-working-day rule of 条例 第二十六条, attachments and view counts.
 *
 * Write operations take `(db, actor, input)`, validate the input (→ DomainError 'invalid_input' with Chinese
 * field messages), check the catalogue policy (→ 'forbidden'), refuse invalid workflow steps (→ 'conflict'),
 * and write their change and an audit entry in one transaction. Public reads need no actor and only ever
 * return published items (and withdrawn ones by their URL, to show the notice).
 */

// ── Types and labels ───────────────────────────────────────────────────────────────────────────────────
/** Columns (栏目): kinds, labels, the tree builder, the slug rule. */
export { buildColumnTree, COLUMN_KIND_LABELS, COLUMN_KINDS, isColumnKind, SLUG_PATTERN } from './column.ts'
export type { Column, ColumnKind, ColumnNode } from './column.ts'
/** Items: statuses, 有效性, item types (规章 / 行政规范性文件 feed 表二), labels; China-time date helpers. */
export {
  chinaDateOf,
  chinaDayStart,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  ITEM_TYPE_LABELS,
  ITEM_TYPES,
  VALIDITIES,
  VALIDITY_LABELS,
} from './item.ts'
export type { Attachment, Item, ItemStatus, ItemSummary, ItemType, Validity } from './item.ts'
/** The workflow's transition table and its single step function. */
export {
  canTransition,
  isEditable,
  nextStatus,
  PUBLIC_STATUSES,
  TRANSITION_LABELS,
  TRANSITIONS,
} from './status.ts'
export type { ItemTransition } from './status.ts'

// ── Pure rules ─────────────────────────────────────────────────────────────────────────────────────────
/** 索引号: compile a pattern, its counter period, format a number; the national default pattern. */
export { DEFAULT_INDEX_PATTERN, formatIndexNumber, indexPeriod, parseIndexPattern } from './index-number.ts'
export type { IndexCodes, IndexScheme } from './index-number.ts'
/** 条例 第二十六条: the due date of an item (or "unknown"), on-time check, due-soon/late standing. */
export {
  deadlineStanding,
  DUE_SOON_WORKING_DAYS,
  isPublishedOnTime,
  PUBLICATION_WORKING_DAYS,
  publicationDeadline,
} from './publication-deadline.ts'
export type { DeadlineStanding, PublicationDeadline } from './publication-deadline.ts'
/** Rich-text bodies: the safe HTML subset and its plain text. */
export { bodyPlainText, sanitizeBodyHtml } from './body-html.ts'
/** 主题分类: the default national list, a vocabulary's schema, label lookup. */
export { DEFAULT_TOPICS, findTopic, matchTopicLabel, TopicVocabularySchema } from './topic-vocabulary.ts'
export type { TopicCategory, TopicLabel } from './topic-vocabulary.ts'
/** The default column tree (条例 第二十条, 第二十一条 by agency kind). */
export { defaultColumnSpecs, defaultLocalExtras, PROTECTED_SLUGS } from './default-columns.ts'
export type { ColumnSpec, LocalExtras } from './default-columns.ts'
/** Attachment type checks by content (magic bytes, OOXML content types) and size. */
export {
  ATTACHMENT_MEDIA_TYPES,
  checkAttachment,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  detectAttachmentFormat,
} from './attachment-type.ts'
export type { AttachmentFormat } from './attachment-type.ts'
/** Where attachment files live and how to read one back (for the download route). */
export { readUpload, uploadPath, uploadsDirOf } from './attachment-store.ts'
/** View counting: bots excluded by user agent; counts batched in memory, written by `flushViews`. */
export { isBot } from './bot-user-agent.ts'
export { recordView, ViewCounter, viewCounter } from './view-counter.ts'
/** The search document of a published item (what search-sync hands to the search module). */
export { toSearchDocument } from './search-sync.ts'
export type { CatalogueSearchDocument } from './search-sync.ts'

// ── Policy ─────────────────────────────────────────────────────────────────────────────────────────────
/** Catalogue actions × roles, the decision, its asserting form, abilities for the UI, list scope. */
export {
  authorizeCatalogue,
  canCatalogue,
  CATALOGUE_ACTIONS,
  CATALOGUE_RULES,
  catalogueAbilities,
  catalogueScope,
} from './catalogue.policy.ts'
export type { CatalogueAction, CatalogueScope } from './catalogue.policy.ts'

// ── Operations: columns and settings ───────────────────────────────────────────────────────────────────
/** Create the default columns an agency is missing (idempotent); returns the tree. */
export { ensureDefaultColumns } from './operations/ensure-default-columns.ts'
/** Column CRUD by 机构管理员 (slugs never change; non-empty and top-level default columns stay). */
export { createColumn } from './operations/create-column.ts'
export { updateColumn } from './operations/update-column.ts'
export { deleteColumn } from './operations/delete-column.ts'
/** Per-agency 索引号 pattern and 主题分类 vocabulary. */
export { getCatalogueSettings } from './operations/get-catalogue-settings.ts'
export type { CatalogueSettings } from './operations/get-catalogue-settings.ts'
export {
  updateCatalogueSettings,
  UpdateCatalogueSettingsSchema,
} from './operations/update-catalogue-settings.ts'
export type { UpdateCatalogueSettingsInput } from './operations/update-catalogue-settings.ts'

// ── Operations: the workflow ───────────────────────────────────────────────────────────────────────────
/** 信息发布员: draft, edit, attach files, submit for 保密审查. */
export { createDraft } from './operations/create-draft.ts'
export { updateDraft } from './operations/update-draft.ts'
export { addAttachment } from './operations/add-attachment.ts'
export type { AddAttachmentInput, AttachmentStorageOptions } from './operations/add-attachment.ts'
export { submitForReview } from './operations/submit-for-review.ts'
/** 保密审查员: approve (publish now or at `scheduledAt`) or return with a reason. */
export { approveItem } from './operations/approve-item.ts'
export { returnForChanges } from './operations/return-for-changes.ts'
/** 撤稿 with a reason (the row and URL stay); 有效性 changes (失效 / 废止). */
export { withdrawItem } from './operations/withdraw-item.ts'
export { changeValidity } from './operations/change-validity.ts'
/** `gongkai import pages`: a page saved from another site becomes a published item (its 索引号 kept). */
export { importSavedPage } from './operations/import-saved-page.ts'
export type { ImportedPage, ImportSavedPageInput } from './operations/import-saved-page.ts'
/** For the scheduler: publish every scheduled item whose time has come (each exactly once). */
export { publishDueScheduled } from './operations/publish-due-scheduled.ts'
export type { ScheduledRun } from './operations/publish-due-scheduled.ts'
export {
  ApproveItemSchema,
  ChangeValiditySchema,
  CreateColumnSchema,
  CreateDraftSchema,
  ItemIdSchema,
  ListPublishedItemsSchema,
  ReturnForChangesSchema,
  UpdateColumnSchema,
  UpdateDraftSchema,
  WithdrawItemSchema,
} from './item.schema.ts'
export type {
  ApproveItemInput,
  ChangeValidityInput,
  CreateColumnInput,
  CreateDraftInput,
  ItemIdInput,
  ListPublishedItemsInput,
  ReturnForChangesInput,
  UpdateColumnInput,
  UpdateDraftInput,
  WithdrawItemInput,
} from './item.schema.ts'

// ── Reads ──────────────────────────────────────────────────────────────────────────────────────────────
/** Public (portal): column lists, one item, column tree, latest items, counts per column. */
export {
  countItemsPerColumn,
  getColumn,
  getColumnBySlug,
  getColumnTree,
  getPublicAttachment,
  getPublishedItem,
  LIST_COUNT_CAP,
  listLatestItems,
  listPublishedItems,
  listPublishedItemsBefore,
} from './operations/public-reads.ts'
export type { PublishedPage } from './operations/public-reads.ts'
/** Console: scoped item lists, one item with abilities, the 20-working-day watch list. */
export { getItem, listDeadlineWatch, listItems } from './operations/list-items.ts'
export type { DeadlineWatch, DeadlineWatchEntry, ListItemsInput } from './operations/list-items.ts'
/** Write batched view counts (call on a timer). */
export { flushViews } from './operations/flush-views.ts'
