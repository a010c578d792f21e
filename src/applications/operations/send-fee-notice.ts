// 收费通知 (条例第四十二条, 国办函〔2020〕109号): the amount is quoted by `quoteFee` with one method (按件 or 按量).
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { IsoDateSchema } from '../application.schema.ts'
import { quoteFee } from '../fees.ts'
import type { FeeQuote } from '../fees.ts'
import { parseInput } from '../parse-input.ts'
import { appendCaseEvent } from './append-case-event.ts'
import type { CaseChange } from './append-case-event.ts'
import { caseStep } from './case-step.schema.ts'
import type { OperationOptions } from './operation-options.ts'

const count = (label: string) =>
  z.coerce
    .number(`${label}应为整数`)
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}过大`)

export const SendFeeNoticeSchema = z.object({
  ...caseStep,
  deliveredOn: IsoDateSchema.optional(),
  fee: z.discriminatedUnion(
    'method',
    [
      z.object({
        method: z.literal('per_application'),
        priorThisMonth: count('本月已申请件数'),
        units: count('件数'),
      }),
      z.object({ method: z.literal('per_volume'), pages: count('页数') }),
    ],
    '请选择计收方式（按件或按量）',
  ),
})
export type SendFeeNoticeInput = z.input<typeof SendFeeNoticeSchema>

export async function sendFeeNotice(
  db: DB,
  actor: Actor,
  input: SendFeeNoticeInput,
  options: OperationOptions = {},
): Promise<CaseChange & { quote: FeeQuote }> {
  const data = parseInput(SendFeeNoticeSchema, input)
  const quote = quoteFee(data.fee)
  const change = await appendCaseEvent(
    db,
    actor,
    data.applicationId,
    'application.send_fee_notice',
    () => ({
      type: 'fee_notice_sent',
      on: data.on,
      method: data.fee.method,
      amountYuan: quote.amountYuan,
      ...(data.deliveredOn === undefined ? {} : { deliveredOn: data.deliveredOn }),
    }),
    options,
  )
  return { ...change, quote }
}
