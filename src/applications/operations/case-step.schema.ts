// Input pieces shared by the case steps.
import { z } from 'zod'
import { IsoDateSchema } from '../application.schema.ts'

export const caseStep = {
  applicationId: z.coerce.number('申请编号无效').int('申请编号无效').positive('申请编号无效'),
  /** The legal date of the step (not the moment it is typed in). */
  on: IsoDateSchema,
}

export function text(label: string, max: number) {
  return z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字符`)
}
