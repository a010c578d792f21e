// Input schemas of the item and column operations (forms, API and CLI parse with these).
import { z } from 'zod'
import { toDayNumber } from '../calendar/index.ts'
import { ITEM_TYPES, VALIDITIES } from './item.ts'
import { COLUMN_KINDS, RESERVED_COLUMN_SLUGS, SLUG_PATTERN } from './column.ts'

function isRealDate(value: string): boolean {
  try {
    toDayNumber(value)
    return true
  } catch {
    return false
  }
}

/** A `YYYY-MM-DD` date that exists. */
export const DateSchema = z.string().refine(isRealDate, '日期格式应为 YYYY-MM-DD')

// Plain-text fields: no control characters (they break documents and feeds); HTML is escaped when rendered.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字`)
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '含有不可见的控制字符')

const optionalText = (max: number) => text(max).nullable().optional()

const id = z.number().int().positive()

/** Item metadata fields common to creation and update. */
const ItemFields = {
  title: text(300).pipe(z.string().min(1, '请填写标题')),
  topicCode: z.string().max(20).nullable().optional(),
  publisherName: optionalText(100),
  writtenOn: DateSchema.nullable().optional(),
  docNumber: optionalText(100),
  validity: z.enum(VALIDITIES).optional(),
  effectiveOn: DateSchema.nullable().optional(),
  repealedOn: DateSchema.nullable().optional(),
  keywords: z.array(text(30)).max(20).optional(),
  summary: text(2000).optional(),
  bodyHtml: z.string().max(5_000_000, '正文过长').optional(),
  itemType: z.enum(ITEM_TYPES).optional(),
  madeOn: DateSchema.nullable().optional(),
}

export const CreateDraftSchema = z.object({ columnId: id, ...ItemFields })
export type CreateDraftInput = z.input<typeof CreateDraftSchema>

export const UpdateDraftSchema = z.object({
  id,
  columnId: id.optional(),
  ...ItemFields,
  title: ItemFields.title.optional(),
})
export type UpdateDraftInput = z.input<typeof UpdateDraftSchema>

export const ItemIdSchema = z.object({ id })
export type ItemIdInput = z.input<typeof ItemIdSchema>

const reason = text(500).pipe(z.string().min(1, '请填写原因'))

export const ReturnForChangesSchema = z.object({ id, reason })
export type ReturnForChangesInput = z.input<typeof ReturnForChangesSchema>

export const WithdrawItemSchema = z.object({ id, reason })
export type WithdrawItemInput = z.input<typeof WithdrawItemSchema>

export const ApproveItemSchema = z.object({
  id,
  /** Publish at this instant (ISO 8601) instead of now; a past instant publishes now. */
  scheduledAt: z.iso.datetime({ offset: true, message: '定时发布时间格式不正确' }).nullable().optional(),
})
export type ApproveItemInput = z.input<typeof ApproveItemSchema>

export const ChangeValiditySchema = z.object({
  id,
  validity: z.enum(VALIDITIES),
  effectiveOn: DateSchema.nullable().optional(),
  repealedOn: DateSchema.nullable().optional(),
})
export type ChangeValidityInput = z.input<typeof ChangeValiditySchema>

export const CreateColumnSchema = z.object({
  agencyId: id,
  parentId: id.nullable().optional(),
  name: text(60).pipe(z.string().min(1, '请填写栏目名称')),
  slug: z
    .string()
    .regex(SLUG_PATTERN, '栏目标识只能由小写字母、数字和连字符组成，并以字母开头')
    .refine(
      (slug) => !RESERVED_COLUMN_SLUGS.includes(slug),
      '该栏目标识为门户页面保留（ysqgk、tujie），请换一个',
    ),
  kind: z.enum(COLUMN_KINDS).optional(),
  position: z.number().int().min(0).optional(),
})
export type CreateColumnInput = z.input<typeof CreateColumnSchema>

export const UpdateColumnSchema = z.object({
  id,
  parentId: id.nullable().optional(),
  name: text(60).pipe(z.string().min(1, '请填写栏目名称')).optional(),
  position: z.number().int().min(0).optional(),
})
export type UpdateColumnInput = z.input<typeof UpdateColumnSchema>

export const ListPublishedItemsSchema = z.object({
  agencyId: id,
  columnId: id,
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  year: z.number().int().min(1949).max(2200).optional(),
  topicCode: z.string().max(20).optional(),
})
export type ListPublishedItemsInput = z.input<typeof ListPublishedItemsSchema>
