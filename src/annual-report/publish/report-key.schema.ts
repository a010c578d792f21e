// Input schemas of the report builder's operations (zod at the boundary; Chinese field messages).
import { z } from 'zod'
import { SECTION_KEYS } from '../formats/index.ts'
import type { SectionKey } from '../formats/index.ts'

export const ReportKeySchema = z.object({
  agencyId: z.coerce.number({ error: '机构编号无效' }).int('机构编号无效').positive('机构编号无效'),
  year: z.coerce
    .number({ error: '年份无效' })
    .int('年份无效')
    .min(2019, '年度报告格式自2019年度起适用')
    .max(2100, '年份无效'),
})
export type ReportKeyInput = z.input<typeof ReportKeySchema>

/** The sections an editor writes (二、三、四 lead lines included); 20,000 characters each at most. */
export const SaveReportDraftSchema = ReportKeySchema.extend({
  sections: z.partialRecord(
    z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]),
    z.string().max(20_000, '每部分不超过20000字'),
  ),
})
export type SaveReportDraftInput = z.input<typeof SaveReportDraftSchema>

export const PublishReportSchema = ReportKeySchema.extend({
  /** Required when an error-severity finding stands: only a 机构管理员 may give it. */
  overrideReason: z.string().trim().max(2000, '理由不超过2000字').optional(),
  /** Required from the second version on: what the correction changes. */
  changeNote: z.string().trim().max(2000, '更正说明不超过2000字').optional(),
})
export type PublishReportInput = z.input<typeof PublishReportSchema>
