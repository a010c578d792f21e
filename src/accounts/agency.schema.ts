// Input schemas for creating and updating agencies, with Chinese messages for the forms.
import { z } from 'zod'
import { AGENCY_KINDS } from './agency-kind.ts'
import { isValidCreditCode, isValidOrgCode } from './credit-code.ts'

/** Optional free text: trimmed; empty means "not set" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v))

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isValidCreditCode(v), '统一社会信用代码应为18位且校验位正确（GB 32100-2015）')

const orgCode = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((v) => (v ? v.replace('-', '') : null))
  .refine((v) => v === null || isValidOrgCode(v), '组织机构代码应为9位且校验位正确（GB 11714-1997）')

const email = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), '电子邮箱格式不正确')

const postcode = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为6位数字')

const SiteSchema = z.object({
  siteCode: optionalText(40),
  sponsor: optionalText(100),
  icpRecord: optionalText(100),
  policeRecord: optionalText(100),
})

const GuideSchema = z.object({
  office: optionalText(100),
  address: optionalText(200),
  hours: optionalText(200),
  phone: optionalText(100),
  fax: optionalText(100),
  email,
  postcode,
})

const name = z.string().trim().min(1, '请填写机构名称').max(100, '机构名称不能超过100个字符')
const kind = z.enum(AGENCY_KINDS, '请选择机构类型')
const parentId = z.coerce.number().int().positive().nullish()

export const CreateAgencySchema = z.object({
  /** The supervising agency; null or absent creates a root (platform administrators only). */
  parentId: parentId.transform((v) => v ?? null),
  name,
  kind,
  creditCode,
  orgCode,
  site: SiteSchema.optional(),
  guide: GuideSchema.optional(),
})
export type CreateAgencyInput = z.input<typeof CreateAgencySchema>

/**
 * An agency update: only the keys present change. `site` and `guide` are replaced as a whole (the form sends
 * all their fields); `creditCode: null` clears the code; `parentId` moves the agency with its subtree.
 */
export const UpdateAgencySchema = z.object({
  id: z.coerce.number().int().positive(),
  parentId: parentId.optional(),
  name: name.optional(),
  kind: kind.optional(),
  creditCode: creditCode.optional(),
  orgCode: orgCode.optional(),
  site: SiteSchema.optional(),
  guide: GuideSchema.optional(),
})
export type UpdateAgencyInput = z.input<typeof UpdateAgencySchema>
