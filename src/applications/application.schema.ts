// Input schemas of intake (the public online form and staff entry), with Chinese messages for the forms.
// Every text is trimmed, bounded and free of control characters, so fuzzed input is a clear 4xx, never a 500.
import { z } from 'zod'
import { isValidCreditCode } from '../accounts/index.ts'
import type { ReceiptChannel } from './clock-events.ts'
import { isValidResidentId } from './resident-id.ts'

/* eslint-disable no-control-regex -- these patterns exist to reject control characters */
// Control characters (other than line breaks in long texts) never belong in a form field.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/
/* eslint-enable no-control-regex */

function line(label: string, max: number) {
  return z
    .string(`请填写${label}`)
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字符`)
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), `${label}含有不允许的控制字符`)
}

function optionalLine(label: string, max: number) {
  return z
    .string(`${label}格式不正确`)
    .trim()
    .max(max, `${label}不能超过${max}个字符`)
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), `${label}含有不允许的控制字符`)
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s))
}

const isoDate = z
  .string('日期格式应为YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '日期无效',
  )

export const IsoDateSchema = isoDate

const applicantFields = {
  applicantType: z.enum(['natural_person', 'organisation'], '请选择申请人类型'),
  orgSubtype: z
    .enum(
      ['commercial', 'research', 'public_interest', 'legal_services', 'other'],
      '请选择法人或其他组织的类型',
    )
    .optional(),
  name: line('申请人姓名或名称', 100),
  idType: z.enum(
    [
      'resident_id',
      'passport',
      'hk_macao_permit',
      'taiwan_permit',
      'foreign_permanent_residence',
      'credit_code',
      'other',
    ],
    '请选择证件类型',
  ),
  idNumber: line('证件号码', 50).transform((s) => s.toUpperCase().replace(/\s/g, '')),
  contactName: optionalLine('联系人', 50),
  phone: line('联系电话', 30)
    .transform((s) => s.replace(/[\s()（）-]/g, ''))
    .refine((s) => /^\+?\d{5,20}$/.test(s), '联系电话只能包含数字，例如13800138000或01012345678'),
  email: optionalLine('电子邮箱', 100).refine(
    (s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
    '电子邮箱格式不正确',
  ),
  address: optionalLine('通信地址', 200),
  postcode: optionalLine('邮政编码', 6).refine((s) => s === null || /^\d{6}$/.test(s), '邮政编码应为6位数字'),
}

const requestFields = {
  agencyId: z.coerce.number('请选择受理机关').int('请选择受理机关').positive('请选择受理机关'),
  description: z
    .string('请填写所需政府信息的名称或内容描述')
    .trim()
    .min(1, '请填写所需政府信息的名称或内容描述')
    .max(2000, '内容描述不能超过2000个字符')
    .refine((s) => !CONTROL.test(s), '内容描述含有不允许的控制字符'),
  documentRef: optionalLine('文件名称或文号', 200),
  formWanted: z.enum(['paper', 'electronic', 'inspection', 'copy'], '请选择获取信息的形式'),
  deliveryMethod: z.enum(['post', 'email', 'pickup', 'fax', 'online'], '请选择获取信息的方式'),
}

type IntakeShape = {
  applicantType: string
  orgSubtype?: string | undefined
  idType: string
  idNumber: string
  deliveryMethod: string
  email: string | null
  address: string | null
}

// Cross-field rules: an organisation has a subtype; a resident ID and a credit code are checked; the chosen
// delivery has the contact detail it needs.
function checkIntake(data: IntakeShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (data.applicantType === 'organisation' && data.orgSubtype === undefined) {
    issue('orgSubtype', '请选择法人或其他组织的类型')
  }
  if (data.applicantType === 'natural_person' && data.idType === 'credit_code') {
    issue('idType', '自然人请选择身份证件类型')
  }
  if (data.idType === 'resident_id' && !isValidResidentId(data.idNumber)) {
    issue('idNumber', '居民身份证号码不正确，请核对18位号码')
  }
  if (data.idType === 'credit_code' && !isValidCreditCode(data.idNumber)) {
    issue('idNumber', '统一社会信用代码不正确，请核对18位代码')
  }
  if (data.deliveryMethod === 'email' && data.email === null) {
    issue('email', '选择电子邮件方式的，请填写电子邮箱')
  }
  if (data.deliveryMethod === 'post' && data.address === null) {
    issue('address', '选择邮寄方式的，请填写通信地址')
  }
}

/** The public online form (no login). `idempotencyKey` is the form's one-time key. */
export const OnlineApplicationSchema = z
  .object({
    ...applicantFields,
    ...requestFields,
    idempotencyKey: z
      .string('表单标识无效')
      .regex(/^[A-Za-z0-9_-]{8,100}$/, '表单标识无效，请刷新页面后重新提交')
      .optional(),
  })
  .superRefine(checkIntake)
export type OnlineApplicationInput = z.input<typeof OnlineApplicationSchema>
export type OnlineApplication = z.output<typeof OnlineApplicationSchema>

/** Channels a clerk records (条例第二十九条、第三十一条); online applications come through the public form. */
export const STAFF_CHANNELS = [
  'in_person',
  'oral',
  'post_signed',
  'post_plain',
  'fax',
] as const satisfies readonly ReceiptChannel[]

/** Staff entry of an application received by letter, fax, in person or orally (the clerk fills the form). */
export const StaffApplicationSchema = z
  .object({
    ...applicantFields,
    ...requestFields,
    channel: z.enum(STAFF_CHANNELS, '请选择申请方式'),
    /** The day it was handed in, signed for, or arrived (for plain post and fax, confirmation follows). */
    arrivedOn: isoDate,
    /** Plain post and fax: the day of confirmation with the applicant, when already done. */
    confirmedOn: isoDate.optional(),
    intakeNote: optionalLine('登记说明', 500),
  })
  .superRefine(checkIntake)
export type StaffApplicationInput = z.input<typeof StaffApplicationSchema>

/** Attachment limits of the online form. */
export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] as readonly string[],
}

export const AttachmentSchema = z.object({
  kind: z.enum(['id_copy', 'authorisation', 'other'], '请选择附件类型'),
  fileName: line('附件文件名', 200),
  mediaType: z
    .string('附件类型无效')
    .refine((t) => ATTACHMENT_LIMITS.mediaTypes.includes(t), '附件只能是PDF、JPEG或PNG文件'),
  content: z
    .instanceof(Uint8Array, { message: '附件内容无效' })
    .refine((b) => b.byteLength > 0, '附件不能为空')
    .refine((b) => b.byteLength <= ATTACHMENT_LIMITS.maxBytes, '单个附件不能超过10MB'),
})
export const AttachmentsSchema = z
  .array(AttachmentSchema, '附件无效')
  .max(ATTACHMENT_LIMITS.maxFiles, `附件不能超过${ATTACHMENT_LIMITS.maxFiles}个`)
  .default([])
export type AttachmentInput = z.input<typeof AttachmentSchema>
