// Input schemas of the calendar's administrator operations (console form, API and CLI parse with these).
import { z } from 'zod'
import { toDayNumber } from '../plain-date.ts'

function isRealDate(value: string): boolean {
  try {
    toDayNumber(value)
    return true
  } catch {
    return false
  }
}

/** What an override makes of its day. */
export const OVERRIDE_KINDS = ['holiday', 'makeup_workday', 'normal'] as const
export type OverrideKind = (typeof OVERRIDE_KINDS)[number]

/** Labels as the console shows them. */
export const OVERRIDE_KIND_LABELS: Readonly<Record<OverrideKind, string>> = {
  holiday: '放假',
  makeup_workday: '调休上班',
  normal: '恢复正常（周一至周五上班、周末休息）',
}

const note = z
  .string()
  .trim()
  .min(1, '请填写说明（例如依据的通知文号）')
  .max(200, '说明不能超过 200 个字')
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '含有不可见的控制字符')

const DateSchema = z.string().trim().refine(isRealDate, '日期格式应为 YYYY-MM-DD')
const YearSchema = z.coerce
  .number({ message: '请填写年份' })
  .int('年份应为整数')
  .min(1990, '年份应在 1990 至 2100 之间')
  .max(2100, '年份应在 1990 至 2100 之间')

export const AddCalendarOverrideSchema = z.object({
  date: DateSchema,
  kind: z.enum(OVERRIDE_KINDS, { message: '请选择放假、调休上班或恢复正常' }),
  note,
})
export type AddCalendarOverrideInput = z.input<typeof AddCalendarOverrideSchema>

export const RemoveCalendarOverrideSchema = z.object({ date: DateSchema })
export type RemoveCalendarOverrideInput = z.input<typeof RemoveCalendarOverrideSchema>

export const DeclareCalendarYearSchema = z.object({ year: YearSchema, note })
export type DeclareCalendarYearInput = z.input<typeof DeclareCalendarYearSchema>

export const WithdrawCalendarYearSchema = z.object({ year: YearSchema })
export type WithdrawCalendarYearInput = z.input<typeof WithdrawCalendarYearSchema>
