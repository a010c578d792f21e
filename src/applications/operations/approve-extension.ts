// 延期 (条例第三十三条第二款): with the consent of the head of the 政府信息公开工作机构, once, by at most 20 working
// days, decided while the period runs. The approver is recorded by name.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep, text } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

export const ApproveExtensionSchema = z.object({
  ...caseStep,
  approver: text('批准人', 50),
  workingDays: z.coerce
    .number('延长期限应为工作日数')
    .int('延长期限应为整数个工作日')
    .min(1, '延长期限至少1个工作日')
    .max(20, '延长期限最长不得超过20个工作日（条例第三十三条第二款）'),
  reason: text('延期理由', 500),
})
export type ApproveExtensionInput = z.input<typeof ApproveExtensionSchema>

export async function approveExtension(
  db: DB,
  actor: Actor,
  input: ApproveExtensionInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(ApproveExtensionSchema, input)
  return appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.approve_extension',
    () => ({
      type: 'extension_approved',
      on: data.on,
      approver: data.approver,
      workingDays: data.workingDays,
      reason: data.reason,
    }),
    options,
  )
}
