// Input schemas of the appeals operations (zod at the boundary; Chinese field messages).
import { z } from 'zod'
import { AGENCY_ROLES, APPEAL_KINDS, APPEAL_OUTCOMES } from './appeal.ts'

/* eslint-disable no-control-regex -- the pattern exists to reject control characters */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/* eslint-enable no-control-regex */

const isoDate = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '日期无效',
  )

const id = z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效')

const outcomeFields = {
  outcome: z.enum(APPEAL_OUTCOMES, { error: '请选择审理结果' }),
  concludedOn: isoDate.nullable().optional(),
}

// An outcome other than 尚未审结 needs its conclusion date; 尚未审结 must not have one.
function outcomeConsistent(v: { outcome: string; concludedOn?: string | null }, ctx: z.RefinementCtx): void {
  const hasDate = v.concludedOn !== undefined && v.concludedOn !== null
  if (v.outcome === 'pending' && hasDate) {
    ctx.addIssue({ code: 'custom', path: ['concludedOn'], message: '尚未审结的案件不应填写审结日期' })
  }
  if (v.outcome !== 'pending' && !hasDate) {
    ctx.addIssue({ code: 'custom', path: ['concludedOn'], message: '已审结的案件请填写审结日期' })
  }
}

export const RecordAppealSchema = z
  .object({
    agencyId: id,
    kind: z.enum(APPEAL_KINDS, { error: '请选择案件类型' }),
    caseNumber: z
      .string({ error: '请填写案号' })
      .trim()
      .min(1, '请填写案号')
      .max(100, '案号不超过100个字符')
      .refine((s) => !CONTROL.test(s), '案号含有无效字符'),
    filedOn: isoDate,
    applicationId: id.nullable().optional(),
    agencyRole: z.enum(AGENCY_ROLES, { error: '请选择本机关在案件中的地位' }).default('original'),
    note: z.string().trim().max(2000, '备注不超过2000个字符').nullable().optional(),
    ...outcomeFields,
  })
  .superRefine(outcomeConsistent)
  .superRefine((v, ctx) => {
    if (v.concludedOn && v.concludedOn < v.filedOn) {
      ctx.addIssue({ code: 'custom', path: ['concludedOn'], message: '审结日期不能早于立案日期' })
    }
  })

export type RecordAppealInput = z.input<typeof RecordAppealSchema>

export const UpdateAppealOutcomeSchema = z
  .object({ appealId: id, ...outcomeFields })
  .superRefine(outcomeConsistent)

export type UpdateAppealOutcomeInput = z.input<typeof UpdateAppealOutcomeSchema>

export const ListAppealsSchema = z.object({
  agencyId: id,
  /** Filing or conclusion in this year (what 表四 of the year may count). */
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效').optional(),
  kind: z.enum(APPEAL_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

export type ListAppealsInput = z.input<typeof ListAppealsSchema>
